#include "collect/list_reader.hpp"
#include "collect/pbs_parse.hpp"
#include "collect/pbs_upid.hpp"
#include "collect/time_window.hpp"

#include <algorithm>
#include <tuple>

namespace pvr::collect {
namespace {

constexpr std::string_view manifest = "index.json.blob";

bool all_digits(const std::string& s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// True when `files` lists the manifest (objects with `filename`, or plain names).
bool has_manifest(const Json& files) {
    if (!files.is_array()) {
        return false;
    }
    return std::any_of(files.begin(), files.end(), [](const Json& file) {
        if (file.is_string()) {
            return file.get_ref<const std::string&>() == manifest;
        }
        if (file.is_object()) {
            const auto it = file.find("filename");
            return it != file.end() && it->is_string() && it->get_ref<const std::string&>() == manifest;
        }
        return false;
    });
}

void read_verification(ObjectReader& item, model::PbsSnapshot& snapshot, const TimeWindow& window) {
    auto reader = item.object("verification");
    if (!reader) {
        return;
    }
    const auto state = reader->text("state");
    if (state && !state->empty()) {
        snapshot.verification = *state;
    }
    if (const auto upid = reader->text("upid")) {
        if (const auto parsed = parse_pbs_upid(*upid)) {
            if (auto why = window.problem(parsed->starttime)) {
                reader->problem("upid", "start time " + *why, Need::optional);
            } else {
                snapshot.verified_at = parsed->starttime;
            }
        }
    }
}

} // namespace

bool snapshot_less(const model::PbsSnapshot& a, const model::PbsSnapshot& b) {
    if (a.backup_type != b.backup_type) {
        return a.backup_type < b.backup_type;
    }
    if (a.backup_id != b.backup_id) {
        const bool a_number = all_digits(a.backup_id);
        const bool b_number = all_digits(b.backup_id);
        if (a_number && b_number && a.backup_id.size() != b.backup_id.size()) {
            return a.backup_id.size() < b.backup_id.size(); // no leading zeros in VMIDs
        }
        if (a_number != b_number) {
            return a_number; // numeric ids first
        }
        return a.backup_id < b.backup_id;
    }
    return a.time < b.time;
}

std::vector<model::PbsSnapshot> parse_pbs_snapshots(std::string_view body, std::string_view endpoint,
                                                    std::string_view ns, std::vector<std::string>& warnings,
                                                    std::size_t* other_namespace, const TimeWindow& window) {
    const Envelope envelope = parse_envelope(body, endpoint);
    std::size_t foreign = 0;
    auto out = read_list<model::PbsSnapshot>(
        envelope.data, endpoint,
        [&](ObjectReader& item, std::vector<std::string>& problems) -> std::optional<model::PbsSnapshot> {
            // Listings are per namespace; should a server ever add children, never count them.
            if (const auto item_ns = item.required_text("ns"); item_ns && *item_ns != ns) {
                ++foreign;
                return std::nullopt;
            }
            const auto type = item.required_text("backup-type");
            const auto id = item.required_text("backup-id");
            const auto time = read_time(item, "backup-time", window, Need::required);
            if (item.failed()) {
                return std::nullopt;
            }
            if (!type || type->empty() || !id || id->empty() || !time) {
                problems.push_back(item.where() + ": snapshot without backup-type, backup-id or backup-time, skipped");
                return std::nullopt;
            }
            model::PbsSnapshot snapshot;
            snapshot.backup_type = *type;
            snapshot.backup_id = *id;
            snapshot.time = *time;
            const Json* files = item.find("files");
            snapshot.finished = files != nullptr && has_manifest(*files);
            snapshot.is_protected = item.boolean("protected").value_or(false);
            if (const auto size = item.integer("size"); size && *size >= 0) {
                snapshot.size = size;
            }
            read_verification(item, snapshot, window);
            const auto fingerprint = item.text("fingerprint");
            snapshot.encrypted = fingerprint && !fingerprint->empty();
            snapshot.comment = item.text("comment");
            snapshot.owner = item.text("owner").value_or("");
            return snapshot;
        },
        warnings);
    std::sort(out.begin(), out.end(), snapshot_less);
    if (other_namespace != nullptr) {
        *other_namespace = foreign;
    }
    return out;
}

} // namespace pvr::collect
