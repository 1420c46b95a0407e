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
        [](ObjectReader& item, std::vector<std::string>& problems) -> std::optional<model::Pool> {
            const auto id = item.required_text("poolid");
            if (item.failed()) {
                return std::nullopt;
            }
            if (!id || id->empty()) {
                problems.push_back(item.where() + ": pool without 'poolid', skipped");
                return std::nullopt;
            }
            model::Pool pool;
            pool.id = *id;
            pool.comment = item.text("comment");
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
    const Json& object = *pool;
    const auto members = object.find("members");
    if (members == object.end() || members->is_null()) {
        return {}; // an empty pool may come without members
    }
    if (!members->is_array()) {
        throw Error(ErrorKind::invalid_response, where + ".members: expected a list, got " + describe_value(*members));
    }
    const auto guests = read_elements<std::int64_t>(
        *members, where + ".members",
        [](ObjectReader& member, std::vector<std::string>& problems) -> std::optional<std::int64_t> {
            const auto type = member.required_text("type").value_or("");
            if (type != "qemu" && type != "lxc") {
                return std::nullopt;
            }
            auto vmid = member.required_integer("vmid");
            if (!vmid) {
                if (const auto id = member.required_text("id"); id && id->find('/') != std::string::npos) {
                    vmid = parse_int(std::string_view(*id).substr(id->find('/') + 1));
                }
            }
            if (member.failed()) {
                return std::nullopt;
            }
            if (!vmid || *vmid <= 0) {
                problems.push_back(member.where() + ": guest member without 'vmid', skipped");
                return std::nullopt;
            }
            return vmid;
        },
        warnings, "member skipped");
    std::vector<std::int64_t> vmids;
    for (const auto vmid : guests) {
        if (std::find(vmids.begin(), vmids.end(), vmid) == vmids.end()) {
            vmids.push_back(vmid);
        }
    }
    return vmids;
}

} // namespace pvr::collect
