// The stages' allowed dependencies are the link lines of src/CMakeLists.txt; every `#include` of
// src/ must respect them (all stages share one include root, so the compiler does not), a stage's
// internal headers ("// Internal" on their first line) stay inside it, and docs/architecture.md
// lists every stage with what it may include (PVR_UPDATE_DOCS=1 rewrites that table).

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

std::string read(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

const fs::path k_root = PVR_SOURCE_DIR;

struct Stages {
    std::map<std::string, std::string> folder_of;             // pvr_collect -> collect
    std::map<std::string, std::set<std::string>> direct;      // folder -> folders it links
    std::map<std::string, std::set<std::string>> public_deps; // folder -> PUBLIC links
    [[nodiscard]] std::set<std::string> allowed(const std::string& folder) const;
};

std::set<std::string> Stages::allowed(const std::string& folder) const {
    std::set<std::string> out{folder};
    std::vector<std::string> todo;
    if (const auto it = direct.find(folder); it != direct.end()) {
        todo.assign(it->second.begin(), it->second.end());
    }
    while (!todo.empty()) {
        const std::string next = todo.back();
        todo.pop_back();
        if (!out.insert(next).second) {
            continue;
        }
        if (const auto it = public_deps.find(next); it != public_deps.end()) {
            todo.insert(todo.end(), it->second.begin(), it->second.end());
        }
    }
    return out;
}

Stages read_stages() {
    const std::string cmake = read(k_root / "src" / "CMakeLists.txt");
    Stages stages;
    const std::regex stage(R"(pvr_stage\((pvr_\w+) (\w+)\))");
    for (auto it = std::sregex_iterator(cmake.begin(), cmake.end(), stage); it != std::sregex_iterator(); ++it) {
        stages.folder_of[(*it)[1]] = (*it)[2];
    }
    const std::regex link(R"(target_link_libraries\((pvr_\w+)([^)]*)\))");
    for (auto it = std::sregex_iterator(cmake.begin(), cmake.end(), link); it != std::sregex_iterator(); ++it) {
        const auto from = stages.folder_of.find((*it)[1]);
        if (from == stages.folder_of.end()) {
            continue; // not a stage (pvr_demo_data)
        }
        std::istringstream words{std::string((*it)[2])};
        std::string word;
        std::string visibility = "PUBLIC";
        while (words >> word) {
            if (word == "PUBLIC" || word == "PRIVATE" || word == "INTERFACE") {
                visibility = word;
                continue;
            }
            const auto to = stages.folder_of.find(word);
            if (to == stages.folder_of.end()) {
                continue; // a library, or pvr_warnings/pvr_settings
            }
            stages.direct[from->second].insert(to->second);
            if (visibility != "PRIVATE") {
                stages.public_deps[from->second].insert(to->second);
            }
        }
    }
    return stages;
}

TEST(Architecture, EverySourceFolderIsAStage) {
    const Stages stages = read_stages();
    std::set<std::string> folders;
    for (const auto& [target, folder] : stages.folder_of) {
        folders.insert(folder);
    }
    for (const auto& entry : fs::directory_iterator(k_root / "src")) {
        if (entry.is_directory()) {
            EXPECT_EQ(folders.count(entry.path().filename().string()), 1U)
                << "src/" << entry.path().filename().string() << " is not a pvr_stage() of src/CMakeLists.txt";
        }
    }
    EXPECT_GE(folders.size(), 13U);
}

TEST(Architecture, IncludesFollowTheLinkLines) {
    const Stages stages = read_stages();
    const std::regex include(R"re(#include "(\w+)/([\w./]+)")re");
    std::size_t checked = 0;
    for (const auto& [target, folder] : stages.folder_of) {
        const std::set<std::string> allowed = stages.allowed(folder);
        for (const auto& entry : fs::directory_iterator(k_root / "src" / folder)) {
            const std::string text = read(entry.path());
            for (auto it = std::sregex_iterator(text.begin(), text.end(), include); it != std::sregex_iterator();
                 ++it) {
                const std::string used = (*it)[1];
                if (stages.folder_of.count("pvr_" + used) == 0) {
                    continue; // not a stage header (generated files)
                }
                ++checked;
                EXPECT_EQ(allowed.count(used), 1U)
                    << "src/" << folder << "/" << entry.path().filename().string() << " includes " << used << "/"
                    << (*it)[2] << ", but " << target << " does not link pvr_" << used << " (src/CMakeLists.txt)";
                if (used != folder) {
                    const std::string header = read(k_root / "src" / used / std::string((*it)[2]));
                    const bool internal = header.find("\n// Internal") < 200;
                    EXPECT_FALSE(internal)
                        << "src/" << folder << "/" << entry.path().filename().string() << " includes " << used << "/"
                        << (*it)[2] << ", an internal header of stage " << used;
                }
            }
        }
    }
    EXPECT_GT(checked, 300U); // the scan saw the code
}

/// The stage table of docs/architecture.md, written from the link lines.
std::string stage_table(const Stages& stages) {
    std::string out = "| stage | library | may include |\n| --- | --- | --- |\n";
    for (const auto& [target, folder] : stages.folder_of) {
        std::string deps;
        for (const auto& dep : stages.allowed(folder)) {
            if (dep != folder) {
                deps += (deps.empty() ? "`" : ", `") + dep + "`";
            }
        }
        out += "| `" + folder + "` | `" + target + "` | " + (deps.empty() ? "—" : deps) + " |\n";
    }
    return out;
}

TEST(Architecture, DocumentListsEveryStageWithItsDependencies) {
    const std::string expected = stage_table(read_stages());
    const fs::path path = k_root / "docs" / "architecture.md";
    std::string doc = read(path);
    const std::string begin_tag = "<!-- BEGIN generated: stages";
    const std::string end_tag = "<!-- END generated: stages -->";
    const auto begin = doc.find(begin_tag);
    ASSERT_NE(begin, std::string::npos) << "docs/architecture.md has no '" << begin_tag << "' marker";
    const auto body = doc.find('\n', begin) + 1;
    const auto end = doc.find(end_tag, body);
    ASSERT_NE(end, std::string::npos);
    const std::string actual = doc.substr(body, end - body);
    if (actual == expected) {
        return;
    }
    const char* update = std::getenv("PVR_UPDATE_DOCS"); // NOLINT(concurrency-mt-unsafe)
    if (update != nullptr && std::string(update) == "1") {
        std::ofstream(path, std::ios::binary | std::ios::trunc) << doc.replace(body, end - body, expected);
        return;
    }
    ADD_FAILURE() << "docs/architecture.md's stage table differs from src/CMakeLists.txt (PVR_UPDATE_DOCS=1 "
                     "rewrites it). Expected:\n"
                  << expected;
}

} // namespace
