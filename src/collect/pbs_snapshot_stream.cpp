#include "collect/pbs_snapshot_stream.hpp"

#include "collect/json_fields.hpp"
#include "collect/pbs_parse.hpp"
#include "collect/pbs_upid.hpp"

#include <simdjson.h>

#include <algorithm>
#include <array>
#include <utility>

namespace pvr::collect {
namespace {

namespace od = simdjson::ondemand;

constexpr std::string_view manifest = "index.json.blob";

// ---------------------------------------------------------------------------------------------
// The fast path: simdjson On-Demand, for elements of the usual shape. Anything unusual (a value of
// another type than PBS writes, a missing field, a time outside the window, a duplicate key, a
// syntax error) sends the element to the slow path, which gives the exact problem text.

enum class Outcome { kept, foreign, slow };

/// Visits a value the report does not use, so that its syntax is checked like the rest
/// (On-Demand validates only what it reads). Depth is bounded by the framer (max_json_depth).
bool valid_value(od::value& value) { // NOLINT(misc-no-recursion)
    od::json_type type{};
    if (value.type().get(type) != simdjson::SUCCESS) {
        return false;
    }
    switch (type) {
    case od::json_type::array: {
        od::array array;
        if (value.get_array().get(array) != simdjson::SUCCESS) {
            return false;
        }
        for (auto child : array) {
            od::value item;
            if (std::move(child).get(item) != simdjson::SUCCESS || !valid_value(item)) {
                return false;
            }
        }
        return true;
    }
    case od::json_type::object: {
        od::object object;
        if (value.get_object().get(object) != simdjson::SUCCESS) {
            return false;
        }
        for (auto member : object) {
            od::field field;
            std::string_view key;
            if (std::move(member).get(field) != simdjson::SUCCESS ||
                field.unescaped_key().get(key) != simdjson::SUCCESS || !valid_value(field.value())) {
                return false;
            }
        }
        return true;
    }
    case od::json_type::number: {
        od::number number;
        return value.get_number().get(number) == simdjson::SUCCESS;
    }
    case od::json_type::string: {
        std::string_view text;
        return value.get_string().get(text) == simdjson::SUCCESS;
    }
    case od::json_type::boolean: {
        bool flag = false;
        return value.get_bool().get(flag) == simdjson::SUCCESS;
    }
    case od::json_type::null: {
        bool null = false;
        return value.is_null().get(null) == simdjson::SUCCESS && null;
    }
    }
    return false;
}

enum Key : unsigned {
    k_ns,
    k_type,
    k_id,
    k_time,
    k_files,
    k_protected,
    k_size,
    k_verification,
    k_fingerprint,
    k_comment,
    k_owner,
    k_count,
    k_unknown = k_count
};

Key key_of(std::string_view key) {
    static constexpr std::array<std::string_view, k_count> names{
        "ns",   "backup-type",  "backup-id",   "backup-time", "files", "protected",
        "size", "verification", "fingerprint", "comment",     "owner"};
    for (unsigned i = 0; i < k_count; ++i) {
        if (names[i] == key) {
            return static_cast<Key>(i);
        }
    }
    return k_unknown;
}

/// Null, or a JSON string (into `out`); false for anything else.
bool read_string(od::value& value, od::json_type type, std::optional<std::string_view>& out) {
    if (type == od::json_type::null) {
        return true;
    }
    std::string_view text;
    if (type != od::json_type::string || value.get_string().get(text) != simdjson::SUCCESS) {
        return false;
    }
    out = text;
    return true;
}

/// `files`: true in `finished` when it lists the manifest (objects with `filename`, or names).
bool read_files(od::value& value, od::json_type type, bool& finished) {
    if (type != od::json_type::array) {
        return valid_value(value);
    }
    od::array files;
    if (value.get_array().get(files) != simdjson::SUCCESS) {
        return false;
    }
    for (auto child : files) {
        od::value file;
        od::json_type file_type{};
        if (std::move(child).get(file) != simdjson::SUCCESS || file.type().get(file_type) != simdjson::SUCCESS) {
            return false;
        }
        if (file_type == od::json_type::string) {
            std::string_view name;
            if (file.get_string().get(name) != simdjson::SUCCESS) {
                return false;
            }
            finished = finished || name == manifest;
        } else if (file_type == od::json_type::object) {
            od::object object;
            if (file.get_object().get(object) != simdjson::SUCCESS) {
                return false;
            }
            bool seen = false;
            for (auto member : object) {
                od::field field;
                std::string_view key;
                if (std::move(member).get(field) != simdjson::SUCCESS ||
                    field.unescaped_key().get(key) != simdjson::SUCCESS) {
                    return false;
                }
                if (key != "filename") {
                    if (!valid_value(field.value())) {
                        return false;
                    }
                    continue;
                }
                od::json_type name_type{};
                if (seen || field.value().type().get(name_type) != simdjson::SUCCESS) {
                    return false; // a duplicate: the slow path decides which one counts
                }
                seen = true;
                if (name_type != od::json_type::string) {
                    if (!valid_value(field.value())) {
                        return false;
                    }
                    continue;
                }
                std::string_view name;
                if (field.value().get_string().get(name) != simdjson::SUCCESS) {
                    return false;
                }
                finished = finished || name == manifest;
            }
        } else if (!valid_value(file)) {
            return false;
        }
    }
    return true;
}

struct FastFields {
    std::optional<std::string_view> ns, type, id, fingerprint, comment, owner, state, upid;
    std::optional<std::int64_t> time, size;
    bool is_protected = false;
    bool finished = false;
};

bool read_verification(od::value& value, od::json_type type, FastFields& out) {
    if (type == od::json_type::null) {
        return true;
    }
    od::object object;
    if (type != od::json_type::object || value.get_object().get(object) != simdjson::SUCCESS) {
        return false;
    }
    bool seen_state = false;
    bool seen_upid = false;
    for (auto member : object) {
        od::field field;
        std::string_view key;
        if (std::move(member).get(field) != simdjson::SUCCESS || field.unescaped_key().get(key) != simdjson::SUCCESS) {
            return false;
        }
        const bool is_state = key == "state";
        if (!is_state && key != "upid") {
            if (!valid_value(field.value())) {
                return false;
            }
            continue;
        }
        bool& seen = is_state ? seen_state : seen_upid;
        od::json_type field_type{};
        if (seen || field.value().type().get(field_type) != simdjson::SUCCESS ||
            !read_string(field.value(), field_type, is_state ? out.state : out.upid)) {
            return false;
        }
        seen = true;
    }
    return true;
}

bool read_fields(od::object& object, FastFields& out) {
    unsigned seen = 0;
    for (auto member : object) {
        od::field field;
        std::string_view name;
        if (std::move(member).get(field) != simdjson::SUCCESS || field.unescaped_key().get(name) != simdjson::SUCCESS) {
            return false;
        }
        od::value& value = field.value();
        const Key key = key_of(name);
        if (key == k_unknown) {
            if (!valid_value(value)) {
                return false;
            }
            continue;
        }
        const unsigned bit = 1U << key;
        od::json_type type{};
        if ((seen & bit) != 0 || value.type().get(type) != simdjson::SUCCESS) {
            return false;
        }
        seen |= bit;
        bool ok = true;
        switch (key) {
        case k_ns:
            ok = read_string(value, type, out.ns);
            break;
        case k_type:
            ok = read_string(value, type, out.type);
            break;
        case k_id:
            ok = read_string(value, type, out.id);
            break;
        case k_fingerprint:
            ok = read_string(value, type, out.fingerprint);
            break;
        case k_comment:
            ok = read_string(value, type, out.comment);
            break;
        case k_owner:
            ok = read_string(value, type, out.owner);
            break;
        case k_time:
        case k_size: {
            if (type == od::json_type::null) {
                break;
            }
            std::int64_t number = 0;
            ok = type == od::json_type::number && value.get_int64().get(number) == simdjson::SUCCESS;
            (key == k_time ? out.time : out.size) = number;
            break;
        }
        case k_protected:
            if (type != od::json_type::null) {
                ok = type == od::json_type::boolean && value.get_bool().get(out.is_protected) == simdjson::SUCCESS;
            }
            break;
        case k_files:
            ok = type == od::json_type::null || read_files(value, type, out.finished);
            break;
        case k_verification:
            ok = read_verification(value, type, out);
            break;
        case k_count:
            break;
        }
        if (!ok) {
            return false;
        }
    }
    return true;
}

Outcome read_fast(od::parser& parser, std::string& text, std::string_view wanted_ns, const TimeWindow& window,
                  model::PbsSnapshot& snapshot) {
    const std::size_t length = text.size();
    text.append(simdjson::SIMDJSON_PADDING, ' ');
    od::document document;
    if (parser.iterate(simdjson::padded_string_view(text.data(), length, text.size())).get(document) !=
        simdjson::SUCCESS) {
        return Outcome::slow;
    }
    od::object object;
    if (document.get_object().get(object) != simdjson::SUCCESS) {
        return Outcome::slow;
    }
    FastFields fields;
    if (!read_fields(object, fields)) {
        return Outcome::slow;
    }
    if (fields.ns && *fields.ns != wanted_ns) {
        return Outcome::foreign;
    }
    if (!fields.type || fields.type->empty() || !fields.id || fields.id->empty() || !fields.time ||
        !window.contains(*fields.time)) {
        return Outcome::slow;
    }
    std::optional<std::int64_t> verified_at;
    if (fields.upid) {
        if (const auto upid = parse_pbs_upid(*fields.upid)) {
            if (!window.contains(upid->starttime)) {
                return Outcome::slow;
            }
            verified_at = upid->starttime;
        }
    }
    snapshot.backup_type = *fields.type;
    snapshot.backup_id = *fields.id;
    snapshot.time = *fields.time;
    snapshot.finished = fields.finished;
    snapshot.is_protected = fields.is_protected;
    if (fields.size && *fields.size >= 0) {
        snapshot.size = fields.size;
    }
    if (fields.state && !fields.state->empty()) {
        snapshot.verification = std::string(*fields.state);
    }
    snapshot.verified_at = verified_at;
    snapshot.encrypted = fields.fingerprint && !fields.fingerprint->empty();
    if (fields.comment) {
        snapshot.comment = std::string(*fields.comment);
    }
    snapshot.owner = std::string(fields.owner.value_or(""));
    return Outcome::kept;
}

// ---------------------------------------------------------------------------------------------
// The slow path: nlohmann, the lenient conversions of json_fields.hpp, and the problem texts of
// parse_pbs_snapshots.

const Json* member(const Json& object, std::string_view key) {
    const auto it = object.find(key);
    return it == object.end() || it->is_null() ? nullptr : &*it;
}

/// A field read leniently: its value (nullopt when absent) or the problem "<where>.<key>: <why>".
template <class T>
struct Read {
    std::optional<T> value;
    std::string problem;
};

Read<std::string> text_at(const Json& object, std::string_view key, const std::string& where) {
    const Json* v = member(object, key);
    if (v == nullptr) {
        return {};
    }
    if (auto text = to_text(*v)) {
        return {std::move(text), {}};
    }
    return {std::nullopt, where + "." + std::string(key) + ": expected a string, got " + describe_value(*v)};
}

Read<std::int64_t> integer_at(const Json& object, std::string_view key, const std::string& where) {
    const Json* v = member(object, key);
    if (v == nullptr) {
        return {};
    }
    if (auto number = to_int(*v)) {
        return {number, {}};
    }
    return {std::nullopt, where + "." + std::string(key) + ": expected an integer, got " + describe_value(*v)};
}

Read<bool> boolean_at(const Json& object, std::string_view key, const std::string& where) {
    const Json* v = member(object, key);
    if (v == nullptr) {
        return {};
    }
    if (auto flag = to_bool(*v)) {
        return {flag, {}};
    }
    return {std::nullopt, where + "." + std::string(key) + ": expected a boolean, got " + describe_value(*v)};
}

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

} // namespace

class SnapshotListReader::Elements final : public ListElementHandler {
public:
    Elements(std::string endpoint, std::string ns, const TimeWindow& window)
        : m_endpoint(std::move(endpoint)), m_ns(std::move(ns)), m_window(window) {}

    void element(std::size_t index, std::string& text) override {
        model::PbsSnapshot snapshot;
        switch (read_fast(m_parser, text, m_ns, m_window, snapshot)) {
        case Outcome::kept:
            snapshots.push_back(std::move(snapshot));
            return;
        case Outcome::foreign:
            ++foreign;
            return;
        case Outcome::slow:
            text.resize(text.size() - simdjson::SIMDJSON_PADDING);
            read_slow(index, text);
            return;
        }
    }

    void oversized(std::size_t index, std::size_t limit) override {
        problems.push_back(item_where(m_endpoint, index) + ": entry larger than " + size_text(limit) +
                           " (entry skipped)");
    }

    void clear() {
        snapshots.clear();
        problems.clear();
        foreign = 0;
    }

    std::vector<model::PbsSnapshot> snapshots;
    std::vector<std::string> problems;
    std::size_t foreign = 0;

private:
    void read_slow(std::size_t index, const std::string& text);
    void read_verification(const Json& item, const std::string& where, model::PbsSnapshot& snapshot);

    std::string m_endpoint;
    std::string m_ns;
    TimeWindow m_window;
    od::parser m_parser;
};

void SnapshotListReader::Elements::read_slow(std::size_t index, const std::string& text) {
    const Json item = Json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (item.is_discarded()) {
        ListStream::fail_not_json(); // the body is not JSON: the listing is unusable
    }
    const std::string where = item_where(m_endpoint, index);
    if (!item.is_object()) {
        problems.push_back(where + ": expected an object, got " + describe_value(item) + " (entry skipped)");
        return;
    }
    const auto skipped = [this](const std::string& problem) { problems.push_back(problem + " (entry skipped)"); };
    const auto ignored = [this](const std::string& problem) { problems.push_back(problem + " (ignored)"); };
    // Listings are per namespace; should a server ever add children, never count them.
    const auto item_ns = text_at(item, "ns", where);
    if (!item_ns.problem.empty()) {
        return skipped(item_ns.problem);
    }
    if (item_ns.value && *item_ns.value != m_ns) {
        ++foreign;
        return;
    }
    const auto type = text_at(item, "backup-type", where);
    if (!type.problem.empty()) {
        return skipped(type.problem);
    }
    const auto id = text_at(item, "backup-id", where);
    if (!id.problem.empty()) {
        return skipped(id.problem);
    }
    const auto time = integer_at(item, "backup-time", where);
    if (!time.problem.empty()) {
        return skipped(time.problem);
    }
    if (time.value) {
        if (auto why = m_window.problem(*time.value)) {
            return skipped(where + ".backup-time: " + *why);
        }
    }
    if (!type.value || type.value->empty() || !id.value || id.value->empty() || !time.value) {
        problems.push_back(where + ": snapshot without backup-type, backup-id or backup-time, skipped");
        return;
    }
    model::PbsSnapshot snapshot;
    snapshot.backup_type = *type.value;
    snapshot.backup_id = *id.value;
    snapshot.time = *time.value;
    const Json* files = member(item, "files");
    snapshot.finished = files != nullptr && has_manifest(*files);
    if (const auto flag = boolean_at(item, "protected", where); flag.problem.empty()) {
        snapshot.is_protected = flag.value.value_or(false);
    } else {
        ignored(flag.problem);
    }
    if (const auto size = integer_at(item, "size", where); !size.problem.empty()) {
        ignored(size.problem);
    } else if (size.value && *size.value >= 0) {
        snapshot.size = size.value;
    }
    read_verification(item, where, snapshot);
    if (const auto fingerprint = text_at(item, "fingerprint", where); fingerprint.problem.empty()) {
        snapshot.encrypted = fingerprint.value && !fingerprint.value->empty();
    } else {
        ignored(fingerprint.problem);
    }
    if (auto comment = text_at(item, "comment", where); comment.problem.empty()) {
        snapshot.comment = std::move(comment.value);
    } else {
        ignored(comment.problem);
    }
    if (auto owner = text_at(item, "owner", where); owner.problem.empty()) {
        snapshot.owner = owner.value.value_or("");
    } else {
        ignored(owner.problem);
    }
    snapshots.push_back(std::move(snapshot));
}

void SnapshotListReader::Elements::read_verification(const Json& item, const std::string& where,
                                                     model::PbsSnapshot& snapshot) {
    const Json* verification = member(item, "verification");
    if (verification == nullptr) {
        return;
    }
    const std::string at = where + ".verification";
    if (!verification->is_object()) {
        problems.push_back(at + ": expected an object, got " + describe_value(*verification) + " (ignored)");
        return;
    }
    const auto state = text_at(*verification, "state", at);
    if (!state.problem.empty()) {
        problems.push_back(state.problem + " (ignored)");
        return;
    }
    if (state.value && !state.value->empty()) {
        snapshot.verification = *state.value;
    }
    const auto upid = text_at(*verification, "upid", at);
    if (!upid.problem.empty()) {
        problems.push_back(upid.problem + " (ignored)");
        return;
    }
    if (upid.value) {
        if (const auto parsed = parse_pbs_upid(*upid.value)) {
            if (auto why = m_window.problem(parsed->starttime)) {
                problems.push_back(at + ".upid: start time " + *why + " (ignored)");
                return;
            }
            snapshot.verified_at = parsed->starttime;
        }
    }
}

// ---------------------------------------------------------------------------------------------

SnapshotListReader::SnapshotListReader(std::string endpoint, std::string ns, const TimeWindow& window,
                                       std::size_t max_element_bytes)
    : m_elements(std::make_unique<Elements>(endpoint, std::move(ns), window)),
      m_stream(std::move(endpoint), *m_elements, max_element_bytes) {}

SnapshotListReader::~SnapshotListReader() = default;

void SnapshotListReader::restart() {
    m_stream.reset();
    m_elements->clear();
    m_error.reset();
}

bool SnapshotListReader::write(std::string_view chunk) {
    if (m_error) {
        return false;
    }
    try {
        m_stream.feed(chunk);
        return true;
    } catch (const Error& e) {
        m_error = e;
        return false;
    }
}

void SnapshotListReader::finish() {
    if (m_error) {
        throw Error(*m_error);
    }
    m_stream.finish();
}

std::vector<model::PbsSnapshot> SnapshotListReader::take_snapshots() {
    auto out = std::move(m_elements->snapshots);
    m_elements->snapshots = {};
    std::sort(out.begin(), out.end(), snapshot_less);
    return out;
}

const std::vector<std::string>& SnapshotListReader::problems() const noexcept { return m_elements->problems; }
std::size_t SnapshotListReader::other_namespace() const noexcept { return m_elements->foreign; }
std::size_t SnapshotListReader::replaced_invalid_utf8() const noexcept { return m_stream.replaced_invalid_utf8(); }
std::size_t SnapshotListReader::bytes() const noexcept { return m_stream.bytes(); }

std::vector<model::PbsSnapshot> read_pbs_snapshots(std::string_view body, std::string_view endpoint,
                                                   std::string_view ns, std::vector<std::string>& warnings,
                                                   std::size_t* other_namespace, const TimeWindow& window,
                                                   std::size_t chunk) {
    SnapshotListReader reader{std::string(endpoint), std::string(ns), window};
    reader.restart();
    const std::size_t step = chunk == 0 ? std::max<std::size_t>(body.size(), 1) : chunk;
    for (std::size_t at = 0; at < body.size(); at += step) {
        if (!reader.write(body.substr(at, step))) {
            break;
        }
    }
    reader.finish();
    warnings.insert(warnings.end(), reader.problems().begin(), reader.problems().end());
    if (other_namespace != nullptr) {
        *other_namespace = reader.other_namespace();
    }
    return reader.take_snapshots();
}

} // namespace pvr::collect
