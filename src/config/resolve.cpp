#include "config/resolve.hpp"

#include "config/variable_table.hpp"
#include "core/strings.hpp"

#include <filesystem>
#include <system_error>

namespace pvr::config::detail {
namespace {

std::string unreadable(const std::filesystem::path& path) {
    std::error_code ec;
    const bool exists = std::filesystem::exists(path, ec);
    return "cannot read '" + path.string() + "'" + (exists ? " (not a readable file)" : " (no such file)");
}

void strip_one_newline(std::string& s) {
    if (!s.empty() && s.back() == '\n') {
        s.pop_back();
        if (!s.empty() && s.back() == '\r') {
            s.pop_back();
        }
    }
}

} // namespace

std::optional<std::string> lookup(const EnvMap& env, std::string_view name) {
    const auto it = env.find(name);
    if (it == env.end() || it->second.empty()) {
        return std::nullopt;
    }
    return it->second;
}

Raw resolve(std::string_view name, bool secret, const EnvMap& env, const FileReader& read_file, Redactor& redactor,
            std::vector<std::string>& problems) {
    Raw raw{lookup(env, name), std::string(name)};
    if (!secret) {
        return raw;
    }
    if (raw.value) {
        redactor.add_secret(*raw.value);
    }
    const std::string file_name = std::string(name) + std::string(file_suffix);
    const auto file_value = lookup(env, file_name);
    if (!file_value) {
        return raw;
    }
    if (raw.value) {
        problems.push_back(std::string(name) + ": set either " + std::string(name) + " or " + file_name + ", not both");
        return {std::nullopt, std::string(name), true};
    }
    const std::filesystem::path path(trim(*file_value));
    auto content = read_file(path);
    if (!content) {
        problems.push_back(file_name + ": " + unreadable(path));
        return {std::nullopt, file_name, true};
    }
    strip_one_newline(*content);
    redactor.add_secret(*content);
    if (content->empty()) {
        problems.push_back(file_name + ": '" + path.string() + "' is empty");
        return {std::nullopt, file_name, true};
    }
    return {std::move(content), file_name, false};
}

} // namespace pvr::config::detail
