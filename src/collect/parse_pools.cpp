#include "collect/parse_pools.hpp"

#include "collect/list_reader.hpp"
#include "core/strings.hpp"

#include <algorithm>

namespace pvr::collect {
namespace {
constexpr std::string_view list_endpoint = "GET /pools";
} // namespace

std::vector<model::Pool> parse_pool_list(std::string_view body, std::vector<std::string>& warnings) {
    const Envelope envelope = parse_envelope(body, list_endpoint);
    return read_list<model::Pool>(
        envelope.data, list_endpoint,
        [](const ObjectReader& item, std::vector<std::string>& problems) -> std::optional<model::Pool> {
            const auto id = item.text("poolid");
            if (!id || id->empty()) {
                problems.push_back(item.where() + ": pool without 'poolid', skipped");
                return std::nullopt;
            }
            model::Pool pool;
            pool.id = *id;
            optional_field(problems, [&] { pool.comment = item.text("comment"); });
            return pool;
        },
        warnings);
}

std::vector<std::int64_t> parse_pool_members(std::string_view body, std::string_view endpoint,
                                             const std::string& pool_id, std::vector<std::string>& warnings) {
    const Envelope envelope = parse_envelope(body, endpoint);
    const Json* pool = nullptr;
    std::string where = std::string(endpoint) + ": data";
    if (envelope.data.is_object()) {
        pool = &envelope.data;
    } else if (envelope.data.is_array()) {
        for (std::size_t i = 0; i < envelope.data.size(); ++i) {
            const Json& item = envelope.data[i];
            const auto it = item.is_object() ? item.find("poolid") : item.end();
            if (item.is_object() && (it == item.end() || to_text(*it) == pool_id)) {
                pool = &item;
                where = item_where(endpoint, i);
                break;
            }
        }
        if (pool == nullptr) {
            throw Error(ErrorKind::invalid_response,
                        std::string(endpoint) + ": the answer does not contain pool '" + pool_id + "'");
        }
    } else {
        throw Error(ErrorKind::invalid_response,
                    std::string(endpoint) + ": data is not a pool (got " + describe_value(envelope.data) + ")");
    }
    const ObjectReader reader(*pool, where);
    const Json* members = reader.find("members");
    if (members == nullptr) {
        return {}; // an empty pool may come without members
    }
    if (!members->is_array()) {
        throw FieldError(reader.where("members"), "expected a list, got " + describe_value(*members));
    }
    std::vector<std::int64_t> vmids;
    for (std::size_t i = 0; i < members->size(); ++i) {
        try {
            const ObjectReader member((*members)[i], reader.where("members") + "[" + std::to_string(i) + "]");
            const auto type = member.text("type").value_or("");
            if (type != "qemu" && type != "lxc") {
                continue;
            }
            auto vmid = member.integer("vmid");
            if (!vmid) {
                if (const auto id = member.text("id"); id && id->find('/') != std::string::npos) {
                    vmid = parse_int(std::string_view(*id).substr(id->find('/') + 1));
                }
            }
            if (!vmid || *vmid <= 0) {
                warnings.push_back(member.where() + ": guest member without 'vmid', skipped");
                continue;
            }
            if (std::find(vmids.begin(), vmids.end(), *vmid) == vmids.end()) {
                vmids.push_back(*vmid);
            }
        } catch (const FieldError& e) {
            warnings.push_back(std::string(e.what()) + " (member skipped)");
        }
    }
    return vmids;
}

} // namespace pvr::collect
