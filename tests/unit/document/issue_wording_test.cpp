// Collection issues worded in the report language (issue 13).

#include "document/format.hpp"
#include "document/issue_wording.hpp"
#include "document/translations.hpp"
#include "model/collection_issue.hpp"

#include <fmt/args.h>
#include <gtest/gtest.h>

#include <set>
#include <string>

using namespace pvr;
using namespace pvr::document;

namespace {

/// The named placeholders of a message: {"endpoint", "node"}.
std::set<std::string> names(std::string_view text) {
    std::set<std::string> out;
    for (auto open = text.find('{'); open != std::string_view::npos; open = text.find('{', open + 1)) {
        const auto close = text.find('}', open);
        out.insert(std::string(text.substr(open + 1, close - open - 1)));
    }
    return out;
}

const MsgText& entry(Msg id) { return translation_table().at(static_cast<std::size_t>(id)); }

/// The texts of a message in each language, plural forms included.
std::vector<std::pair<std::string, std::string>> texts(Msg id) {
    const MsgText& e = entry(id);
    std::vector<std::pair<std::string, std::string>> out = {{"en", std::string(e.en)},
                                                            {"en plural", std::string(e.en_plural.text)}};
    for (const auto lang : {Lang::fr, Lang::de}) {
        if (const auto* t = catalogue_translation(lang, id)) {
            out.emplace_back(to_code(lang), t->one);
            out.emplace_back(std::string(to_code(lang)) + " plural", t->many);
        }
    }
    return out;
}

Formatter formatter(Lang lang) { return Formatter(Translator(lang), find_time_zone("UTC")); }

model::CollectionIssue issue(model::Fact fact, std::string message = "the English message") {
    model::CollectionIssue out;
    out.source = "pve";
    out.message = std::move(message);
    out.fact = std::move(fact);
    return out;
}

std::string word(const model::CollectionIssue& i, Lang lang) {
    return word_collection_issue(i, Translator(lang), formatter(lang));
}

// Every kind a collector may produce has a wording in every language (a kind added to
// model::collection_issue_kinds without one fails here).
TEST(IssueWording, EveryKindIsWordedInEveryLanguage) {
    std::set<std::string_view> worded;
    for (const auto kind : model::collection_issue_kinds) {
        const IssueWording* wording = find_issue_wording(kind);
        ASSERT_NE(wording, nullptr) << "collection issue kind '" << kind << "' has no wording";
        worded.insert(kind);
        std::vector<Msg> messages = {wording->msg};
        if (!wording->needs.empty()) {
            ASSERT_NE(wording->without, Msg::count_) << kind << ": no message without '" << wording->needs << "'";
            messages.push_back(wording->without);
        }
        for (const Msg msg : messages) {
            const MsgText& e = entry(msg);
            EXPECT_FALSE(e.en.empty()) << kind;
            for (const auto lang : {Lang::fr, Lang::de}) {
                const auto* t = catalogue_translation(lang, msg);
                ASSERT_NE(t, nullptr) << kind << ": no " << to_code(lang) << " text";
                EXPECT_FALSE(t->one.empty()) << kind;
                EXPECT_EQ(e.en_plural.text.empty(), t->many.empty())
                    << kind << ": plural in English xor " << to_code(lang);
            }
            const auto expected = names(e.en);
            for (const auto& [lang, text] : texts(msg)) {
                if (!text.empty()) {
                    EXPECT_EQ(names(text), expected) << kind << " (" << lang << "): " << text;
                }
            }
            if (msg == wording->without) {
                EXPECT_EQ(expected.count(std::string(wording->needs)), 0U) << kind;
            }
        }
    }
    EXPECT_EQ(worded.size(), issue_wordings().size()) << "a wording for a kind that is not in collection_issue_kinds";
}

TEST(IssueWording, EveryValueTypeIsWordedInEveryLanguage) {
    for (const auto type : model::collection_issue_value_types) {
        const auto msg = identifier_msg(type);
        ASSERT_TRUE(msg.has_value()) << "value type '" << type << "' has no wording";
        EXPECT_NE(catalogue_translation(Lang::fr, *msg), nullptr) << type;
        EXPECT_NE(catalogue_translation(Lang::de, *msg), nullptr) << type;
    }
}

TEST(IssueWording, FieldOfTheWrongType) {
    model::Fact fact;
    fact.kind = "field_wrong_type";
    fact.add_text("endpoint", "/storage").add_text("location", "data[2].port");
    fact.add("expected", model::FactParam::Type::identifier, "integer").add_text("value", "'x'");
    EXPECT_EQ(word(issue(fact), Lang::en),
              "GET /storage: data[2].port should be an integer, not 'x'; the value was ignored.");
    EXPECT_EQ(word(issue(fact), Lang::fr), "GET /storage\u00a0: data[2].port devrait être un entier, et non "
                                           "'x'\u00a0; la valeur a été ignorée.");
    EXPECT_EQ(word(issue(fact), Lang::de),
              "GET /storage: data[2].port sollte eine ganze Zahl sein, nicht 'x'; der Wert wurde ignoriert.");
}

TEST(IssueWording, EveryMessageFormatsWithItsParameters) {
    for (const auto& wording : issue_wordings()) {
        for (const Msg msg : {wording.msg, wording.without}) {
            if (msg == Msg::count_) {
                continue;
            }
            for (const auto& [lang, text] : texts(msg)) {
                if (text.empty()) {
                    continue;
                }
                fmt::dynamic_format_arg_store<fmt::format_context> args;
                const auto params = names(text);
                for (const auto& name : params) {
                    args.push_back(fmt::arg(name.c_str(), "x"));
                }
                EXPECT_NO_THROW((void)fmt::vformat(text, args)) << wording.kind << " (" << lang << "): " << text;
            }
        }
    }
}

TEST(IssueWording, OfflineNode) {
    model::Fact fact;
    fact.kind = "node_offline";
    fact.add_text("node", "pve3");
    const auto i = issue(fact);
    EXPECT_EQ(word(i, Lang::en), "Node pve3 is offline: its task history and guest configurations could not be read.");
    EXPECT_EQ(word(i, Lang::fr), "Le nœud pve3 est hors ligne\u00a0: son historique de tâches et la configuration de "
                                 "ses VM/CT n’ont pas pu être lus.");
    EXPECT_EQ(word(i, Lang::de), "Knoten pve3 ist offline: Sein Task-Verlauf und die Konfiguration seiner Gäste "
                                 "konnten nicht gelesen werden.");
}

TEST(IssueWording, ServerTextsAreQuotedAsTheyAre) {
    model::Fact fact;
    fact.kind = "http_status";
    fact.add_text("endpoint", "/pools").add_int("status", 500).add_text("reason", "Internal Server Error");
    const auto i = issue(fact);
    EXPECT_EQ(word(i, Lang::en), "GET /pools failed: HTTP 500 “Internal Server Error”.");
    EXPECT_EQ(word(i, Lang::fr), "GET /pools a échoué\u00a0: HTTP 500 «\u00a0Internal Server Error\u00a0».");
    EXPECT_EQ(word(i, Lang::de), "GET /pools ist fehlgeschlagen: HTTP 500 „Internal Server Error“.");
    model::Fact bare;
    bare.kind = "http_status";
    bare.add_text("endpoint", "/pools").add_int("status", 502);
    EXPECT_EQ(word(issue(bare), Lang::fr), "GET /pools a échoué\u00a0: HTTP 502.");
}

TEST(IssueWording, PluralFollowsTheCountOrTheStorages) {
    model::Fact one;
    one.kind = "invalid_utf8";
    one.add_text("endpoint", "/storage").add_int("count", 1);
    EXPECT_EQ(word(issue(one), Lang::fr),
              "La réponse à GET /storage contenait 1 séquence UTF-8 invalide, remplacée par U+FFFD.");
    model::Fact many = one;
    many.params[1].value = "1200";
    EXPECT_EQ(word(issue(many), Lang::fr),
              "La réponse à GET /storage contenait 1\u00a0200 séquences UTF-8 invalides, remplacées par U+FFFD.");

    model::Fact pbs;
    pbs.kind = "pbs_unreachable";
    pbs.add_text("server", "https://pbs1:8007").add_text("reason", "Connection refused");
    pbs.add("storages", model::FactParam::Type::list, "pbs-a\npbs-b");
    EXPECT_EQ(word(issue(pbs), Lang::fr),
              "Le serveur PBS https://pbs1:8007 est injoignable («\u00a0Connection refused\u00a0»)"
              "\u00a0; les instantanés des stockages pbs-a et pbs-b n’ont pas été "
              "collectés.");
    // The list joins with the language's "and" (the German catalogue's word once translated).
    const std::string storages = Translator(Lang::de).join_words({"pbs-a", "pbs-b"});
    EXPECT_EQ(word(issue(pbs), Lang::de), "PBS https://pbs1:8007 ist nicht erreichbar („Connection refused“); die "
                                          "Snapshots der Storages " +
                                              storages + " wurden nicht erfasst.");
}

TEST(IssueWording, OptionalParameterChoosesTheMessage) {
    model::Fact fact;
    fact.kind = "permission_probably_missing";
    fact.add_text("endpoint", "/storage").add_text("privilege", "Datastore.Audit").add_text("reason", "Forbidden");
    EXPECT_EQ(word(issue(fact), Lang::en),
              "GET /storage was refused (HTTP 403): the API token probably lacks Datastore.Audit.");
    fact.add_text("path", "/storage/local");
    EXPECT_EQ(word(issue(fact), Lang::de), "GET /storage wurde abgelehnt (HTTP 403): Dem API-Token fehlt vermutlich "
                                           "das Recht Datastore.Audit auf /storage/local.");
}

TEST(IssueWording, CollapsedIssueSaysHowOftenWithExamples) {
    model::Fact fact;
    fact.kind = "http_status";
    fact.add_text("endpoint", "/nodes/pve2/qemu/{vmid}/config").add_int("status", 500).add_text("reason", "boom");
    fact.add_int("occurrences", 10);
    fact.add("examples", model::FactParam::Type::list,
             "/nodes/pve2/qemu/201/config\n/nodes/pve2/qemu/202/config\n/nodes/pve2/qemu/203/config");
    EXPECT_EQ(word(issue(fact), Lang::fr),
              "GET /nodes/pve2/qemu/{vmid}/config a échoué\u00a0: HTTP 500 «\u00a0boom\u00a0» (10 fois, par ex. "
              "/nodes/pve2/qemu/201/config, /nodes/pve2/qemu/202/config, /nodes/pve2/qemu/203/config, …).");
    EXPECT_EQ(word(issue(fact), Lang::en),
              "GET /nodes/pve2/qemu/{vmid}/config failed: HTTP 500 “boom” (10 times, e.g. "
              "/nodes/pve2/qemu/201/config, /nodes/pve2/qemu/202/config, /nodes/pve2/qemu/203/config, …).");
}

TEST(IssueWording, AMultiLineServerTextIsShownOnOneLine) {
    model::Fact fact;
    fact.kind = "answer_unusable";
    fact.add_text("endpoint", "/x").add_text("detail", "not JSON: {\"data\":[\n  {\n   \"vmid\": 114");
    EXPECT_EQ(word(issue(fact), Lang::fr),
              "La réponse à GET /x est inexploitable\u00a0: «\u00a0not JSON: {\"data\":[ { \"vmid\": 114\u00a0».");
}

TEST(IssueWording, WithoutAKnownFactTheEnglishMessageIsShown) {
    EXPECT_EQ(word(issue({}), Lang::fr), "the English message");
    model::Fact unknown;
    unknown.kind = "from_a_newer_version";
    EXPECT_EQ(word(issue(unknown), Lang::de), "the English message");
}

} // namespace
