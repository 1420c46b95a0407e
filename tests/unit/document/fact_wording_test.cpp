// The document stage words every fact the analysis can produce, in every report language.

#include "analysis/analyze.hpp"
#include "document/fact_wording.hpp"
#include "document/format.hpp"
#include "model/fact_kinds.hpp"
#include "unit/analysis/fixtures.hpp"

#include <gtest/gtest.h>

#include <set>

namespace {

using namespace pvr::document;
using pvr::model::Fact;
using pvr::model::FactParam;

const std::vector<Lang> k_langs = {Lang::en, Lang::fr, Lang::de};

Formatter formatter(Lang lang) { return Formatter(Translator(lang), find_time_zone("UTC")); }

std::optional<std::string> word(Lang lang, const Fact& fact) {
    return word_fact(Translator(lang), formatter(lang), fact);
}

const MsgText& entry(Msg id) { return translation_table().at(static_cast<std::size_t>(id)); }

/// A fact of the form with every parameter any producer sets (analysis/*.cpp).
Fact full_fact(std::string_view kind, std::string_view variant) {
    Fact f;
    f.kind = std::string(kind);
    if (!variant.empty()) {
        f.add("case", FactParam::Type::identifier, std::string(variant));
    }
    using T = FactParam::Type;
    f.add_int("vmid", 100);
    f.add("guest_type", T::identifier, "vm");
    f.add_text("guest_name", "web01");
    f.add_text("node", "pve1");
    f.add_int("count", 2);
    f.add("jobs", T::list, "backup-a\nbackup-b");
    f.add("volumes", T::list, "scsi1\nmp0");
    f.add("volume_reasons", T::list, "backup=0\nbind mount");
    f.add_time("time", 1795762800);
    f.add_text("error", "job errors");
    f.add_text("job", "backup-a");
    f.add("selection", T::identifier, "all");
    f.add("exclude", T::list, "105\n110");
    f.add_text("storage", "pbs-main");
    f.add("guests", T::list, "VM 100 (web01)\nCT 101");
    f.add("guest_nodes", T::list, "pve1\npve2");
    f.add_text("job_node", "pve2");
    f.add_text("pool", "prod");
    f.add("vmids", T::list, "7654\n7655");
    f.add("nodes", T::list, "pve1\npve2");
    f.add_text("problem", "unknown mode 'x'");
    f.add_text("exception", "tmpl-9001");
    f.add_text("file", "/etc/pve-backup-report/exceptions.toml");
    f.add_int("line", 12);
    f.add("match_vmids", T::list, "9001");
    f.add("accepts", T::list, "not_backed_up");
    f.add_text("owner", "alice");
    f.add_text("until", "2026-11-30");
    f.add_time("due", 1795730400);
    f.add("grace", T::seconds, "21600");
    f.add_time("last", 1795644000);
    f.add("age", T::seconds, "118800");
    f.add_int("days", 30);
    f.add("backup_type", T::identifier, "ct");
    f.add_text("backup_id", "150");
    f.add_text("datastore", "store1");
    f.add_text("namespace", "prod");
    f.add("pve_policies", T::list, "keep-daily=7 (backup-a)");
    f.add("pbs_policies", T::list, "p1 (keep-daily=3)");
    f.add_text("pve_policy", "keep-daily=7");
    f.add_int("expected", 7);
    f.add_time("oldest", 1790000000);
    f.add_time("since", 1789000000);
    f.add_text("detail", "HTTP 500");
    f.add("causes", T::list, "pool_missing");
    f.add("pools", T::list, "prod");
    f.add("node_jobs", T::list, "backup-b");
    f.add("job_nodes", T::list, "pve2");
    f.add("excluded_by", T::list, "backup-a");
    f.add_text("prune_job", "p1");
    f.add_text("server", "https://pbs1:8007");
    f.add_time("full_at", 1797000000);
    f.add_int("warn_days", 30);
    f.add_int("samples", 30);
    f.add("used", T::bytes, "26877905338368");
    f.add("total", T::bytes, "32985348833280");
    return f;
}

TEST(FactWording, EveryFormHasAMessageInEveryLanguage) {
    std::set<std::pair<std::string_view, std::string_view>> seen;
    for (const auto& form : pvr::model::k_fact_forms) {
        EXPECT_TRUE(seen.insert({form.kind, form.variant}).second) << form.kind << "/" << form.variant << " twice";
        const auto msg = fact_message(form.kind, form.variant);
        ASSERT_TRUE(msg.has_value()) << form.kind << "/" << form.variant << " has no wording";
        const auto& e = entry(*msg);
        EXPECT_FALSE(e.en.empty()) << form.kind << "/" << form.variant;
        for (const auto lang : {Lang::fr, Lang::de}) {
            const auto* t = catalogue_translation(lang, *msg);
            ASSERT_NE(t, nullptr) << form.kind << "/" << form.variant << ": no " << to_code(lang) << " translation";
            EXPECT_FALSE(t->one.empty());
            if (!e.en_plural.text.empty()) {
                EXPECT_FALSE(t->many.empty()) << form.kind << "/" << form.variant << ": no plural";
            }
        }
    }
}

TEST(FactWording, EveryFormIsWordedWithoutMissingParameter) {
    for (const auto& form : pvr::model::k_fact_forms) {
        for (const auto lang : k_langs) {
            const auto text = word(lang, full_fact(form.kind, form.variant));
            ASSERT_TRUE(text.has_value()) << form.kind << "/" << form.variant << " in " << to_code(lang);
            EXPECT_EQ(text->find('{'), std::string::npos) << *text;
            EXPECT_EQ(text->find(form.kind), std::string::npos) << "raw kind in: " << *text;
        }
    }
}

TEST(FactWording, EveryAnomalyKindHasALabelInEveryLanguage) {
    for (const auto kind : pvr::model::k_anomaly_kinds) {
        const auto msg = anomaly_kind_message(kind);
        ASSERT_TRUE(msg.has_value()) << kind << " has no label";
        EXPECT_FALSE(entry(*msg).en.empty()) << kind;
        EXPECT_NE(catalogue_translation(Lang::fr, *msg), nullptr) << kind << ": no French label";
        EXPECT_NE(catalogue_translation(Lang::de, *msg), nullptr) << kind << ": no German label";
    }
    // Every anomaly form is a kind with a label.
    for (const auto& form : pvr::model::k_fact_forms) {
        if (form.kind.rfind("reason_", 0) != 0 && form.kind.rfind("note_", 0) != 0 && form.kind != "undetermined_job") {
            EXPECT_NE(std::find(pvr::model::k_anomaly_kinds.begin(), pvr::model::k_anomaly_kinds.end(), form.kind),
                      pvr::model::k_anomaly_kinds.end())
                << form.kind;
        }
    }
}

TEST(FactWording, BackupFailedInThreeLanguages) {
    Fact f;
    f.kind = "backup_failed";
    f.add("case", FactParam::Type::identifier, "error");
    f.add_int("vmid", 111);
    f.add("guest_type", FactParam::Type::identifier, "ct");
    f.add_text("guest_name", "gitlab-runner");
    f.add_text("node", "pve1");
    f.add_time("time", 1795762800);
    f.add_text("error", "command 'lxc-freeze' failed: exit code 1");
    EXPECT_EQ(word(Lang::en, f), "The last backup of CT 111 (gitlab-runner) on node pve1 at 27 Nov 2026 07:00 UTC "
                                 "failed: command 'lxc-freeze' failed: exit code 1.");
    EXPECT_EQ(word(Lang::fr, f), "La dernière sauvegarde de CT 111 (gitlab-runner) sur le nœud pve1, le 27 nov. 2026 "
                                 "07:00 UTC, a échoué\u00a0: command 'lxc-freeze' failed: exit code 1.");
    EXPECT_EQ(word(Lang::de, f).value().rfind("Das letzte Backup von CT 111 (gitlab-runner) auf Knoten pve1 am ", 0),
              0U);
}

TEST(FactWording, PluralsFollowTheCount) {
    Fact f;
    f.kind = "guest_not_backed_up";
    f.add("case", FactParam::Type::identifier, "disabled_jobs");
    f.add_int("vmid", 200);
    f.add("guest_type", FactParam::Type::identifier, "vm");
    f.add_text("node", "pve2");
    f.add_int("count", 2);
    f.add("jobs", FactParam::Type::list, "old-a\nold-b");
    EXPECT_EQ(word(Lang::en, f),
              "VM 200 on node pve2 is not backed up by any enabled job (only the disabled jobs old-a and old-b would "
              "include it).");
    EXPECT_EQ(word(Lang::fr, f), "VM 200, sur le nœud pve2, n’est sauvegardée par aucune tâche activée (seules les "
                                 "tâches désactivées old-a et old-b l’incluraient).");
    EXPECT_EQ(word(Lang::de, f), "VM 200 auf Knoten pve2 wird von keinem aktiven Backup-Job gesichert (nur die "
                                 "deaktivierten Jobs old-a und old-b würden ihn einschließen).");
}

TEST(FactWording, DurationsCountsAndTemplates) {
    Fact f;
    f.kind = "backup_overdue";
    f.add("case", FactParam::Type::identifier, "last_backup");
    f.add_int("vmid", 9000);
    f.add("guest_type", FactParam::Type::identifier, "vm");
    f.add("template", FactParam::Type::identifier, "yes");
    f.add_text("storage", "pbs-main");
    f.add_time("due", 1795762800);
    f.add_int("count", 1);
    f.add("jobs", FactParam::Type::list, "daily");
    f.add("grace", FactParam::Type::seconds, "21600");
    f.add_time("last", 1795590000);
    f.add("age", FactParam::Type::seconds, "172800");
    EXPECT_EQ(word(Lang::en, f), "template VM 9000 has no backup on storage pbs-main since the scheduled run at "
                                 "27 Nov 2026 07:00 UTC (job daily, grace 6 hours); its last backup there is from "
                                 "25 Nov 2026 07:00 UTC, 2 days ago.");
    EXPECT_EQ(word(Lang::fr, f), "modèle VM 9000 n’a aucune sauvegarde sur le stockage pbs-main depuis l’exécution "
                                 "planifiée du 27 nov. 2026 07:00 UTC (tâche daily, délai de grâce 6 heures)\u00a0; sa "
                                 "dernière sauvegarde y date du 25 nov. 2026 07:00 UTC, il y a 2 jours.");
}

TEST(FactWording, VolumeReasonsAreTranslated) {
    Fact f;
    f.kind = "volumes_excluded";
    f.add_int("vmid", 200);
    f.add("guest_type", FactParam::Type::identifier, "ct");
    f.add_text("guest_name", "fileserver");
    f.add_int("count", 2);
    f.add("volumes", FactParam::Type::list, "mp0\nmp2");
    f.add("volume_reasons", FactParam::Type::list, "mount point without backup=1\nbind mount");
    EXPECT_EQ(word(Lang::en, f),
              "CT 200 (fileserver) is backed up without volumes mp0 (mount point without backup=1) and mp2 (bind "
              "mount).");
    EXPECT_EQ(word(Lang::fr, f), "CT 200 (fileserver) est sauvegardée sans les volumes mp0 (point de montage sans "
                                 "backup=1) et mp2 (montage lié).");
    EXPECT_EQ(
        word(Lang::de, f),
        "CT 200 (fileserver) wird ohne die Volumes mp0 (Mountpoint ohne backup=1) und mp2 (Bind-Mount) gesichert.");
}

TEST(FactWording, NotesAreJoinedAndFallBackToEnglish) {
    Fact protected_note;
    protected_note.kind = "note_protected";
    protected_note.add_int("count", 1);
    Fact tolerated;
    tolerated.kind = "note_one_version_tolerated";
    const Translator fr(Lang::fr);
    EXPECT_EQ(word_notes(fr, formatter(Lang::fr), {protected_note, tolerated}, "english"),
              "le nombre réel inclut 1 instantané protégé\u00a0; un écart d’une version est toléré (une sauvegarde "
              "vient peut-être de s’exécuter ou est imminente)");
    Fact unknown;
    unknown.kind = "note_from_the_future";
    EXPECT_EQ(word_notes(fr, formatter(Lang::fr), {protected_note, unknown}, "english"), "english");
    EXPECT_EQ(word_notes(fr, formatter(Lang::fr), {}, "english"), "english");
}

TEST(FactWording, UnknownFormOrMissingParameterIsNoWording) {
    Fact f;
    f.kind = "job_no_schedule"; // needs {job}
    EXPECT_FALSE(word(Lang::en, f).has_value());
    f.kind = "no_such_kind";
    EXPECT_FALSE(word(Lang::en, f).has_value());
    EXPECT_FALSE(word(Lang::en, Fact{}).has_value());
}

// The English wording of a fact says what the analysis' English sentence says (the JSON keeps the
// sentence; the report words the fact). Forms whose English wording differs on purpose (the job's
// selection, the policies and dates as the report writes them) are left out.
TEST(FactWording, EnglishWordingMatchesTheAnalysisSentences) {
    using namespace pvr::analysis::test;
    const std::set<std::string> worded_differently = {"job_disabled/nothing",        "job_disabled/unknown",
                                                      "retention_mismatch/too_many", "retention_mismatch/too_few",
                                                      "pbs_policies_overlap/",       "job_storage_disabled/guest_nodes",
                                                      "exception_expired/",          "reason_included/"};
    std::vector<pvr::model::Inventory> inventories;
    {
        auto i = make_inventory(upstream_guests());
        i.guests[2].name = "db01";
        i.storages = {make_storage("pbs-main", "pbs"), make_storage("local"), make_storage("off")};
        i.storages[2].enabled = false;
        i.guests[1].config_collected = true;
        i.guests[1].volumes = {{"scsi0", "local:vm-101-disk-0", true, "included by default"},
                               {"scsi1", "local:vm-101-disk-1", false, "backup=0"},
                               {"efidisk0", "local:vm-101-disk-2", false, "efidisk but no OVMF BIOS"}};
        i.jobs->push_back(JobBuilder("a").vmids({100, 101, 7654}).storage("gone").schedule("21:00"));
        i.jobs->push_back(JobBuilder("b").pool("nowhere"));
        i.jobs->push_back(JobBuilder("c").vmids({200, 201}).storage("local").disabled().problem("unknown mode 'x'"));
        i.jobs->push_back(JobBuilder("d").all().node("pve9").schedule("21:00"));
        i.jobs->push_back(JobBuilder("e").vmids({201, 212}).node("node1").schedule("21:00"));
        i.jobs->push_back(JobBuilder("f").exclude({100}).schedule("21:00"));
        i.jobs->push_back(JobBuilder("g").vmids({113}).storage("off").schedule("21:00"));
        i.jobs->push_back(JobBuilder("h").all().exclude({112}).node("node1").schedule("21:00"));
        inventories.push_back(i);
    }
    {
        auto i = make_inventory(upstream_guests());
        i.pools_collected = false;
        i.jobs->push_back(JobBuilder("p").pool("prod").schedule("21:00"));
        inventories.push_back(i);
    }
    const Translator en(Lang::en);
    const auto fmt = formatter(Lang::en);
    std::size_t compared = 0;
    for (const auto& inventory : inventories) {
        const auto data = pvr::analysis::analyze(inventory, {});
        for (const auto& anomaly : data.anomalies) {
            const auto key = anomaly.kind + "/" + anomaly.fact.text("case").value_or("");
            if (worded_differently.count(key) > 0) {
                continue;
            }
            EXPECT_EQ(word_fact(en, fmt, anomaly.fact), anomaly.message) << key;
            ++compared;
        }
        for (const auto& report : data.guests) {
            const auto& fact = report.coverage.reason_fact;
            if (worded_differently.count(fact.kind + "/" + fact.text("case").value_or("")) > 0) {
                continue;
            }
            EXPECT_EQ(word_fact(en, fmt, fact), report.coverage.reason) << fact.kind;
            ++compared;
        }
    }
    EXPECT_GE(compared, 20U);
}

TEST(FactWording, DatastoreFullSoonInThreeLanguages) {
    Fact f;
    f.kind = "datastore_full_soon";
    f.add("case", FactParam::Type::identifier, "fit");
    f.add_text("datastore", "store1").add_text("server", "pbs1.example.lan:8007").add_int("count", 12);
    f.add_time("full_at", 1796256000).add_int("warn_days", 30).add_int("samples", 30);
    f.add("used", FactParam::Type::bytes, "26877905338368").add("total", FactParam::Type::bytes, "32985348833280");
    const auto en = word(Lang::en, f);
    ASSERT_TRUE(en.has_value());
    EXPECT_NE(en->find("Datastore store1 on PBS pbs1.example.lan:8007 will be full in 12 days"), std::string::npos)
        << *en;
    EXPECT_NE(en->find("fit of the last 30 runs"), std::string::npos) << *en;
    const auto fr = word(Lang::fr, f);
    ASSERT_TRUE(fr.has_value());
    EXPECT_NE(fr->find("sera plein dans 12\u00a0jours"), std::string::npos) << *fr;
    const auto de = word(Lang::de, f);
    ASSERT_TRUE(de.has_value());
    EXPECT_NE(de->find("ist in 12 Tagen voll"), std::string::npos) << *de;
    f.params.front().value = "pbs_estimate";
    f.params[3].value = "1";
    EXPECT_NE(word(Lang::en, f)->find("in 1 day ("), std::string::npos) << *word(Lang::en, f);
    EXPECT_NE(word(Lang::de, f)->find("Schätzung von PBS"), std::string::npos) << *word(Lang::de, f);
}

} // namespace
