#include "app/docs_tables.hpp"

#include "config/config.hpp"
#include "core/error.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <cctype>

#include <string_view>

namespace pvr::app {
namespace {

/// Names, values and paths in code style; the rest as it is. A name is a run of capitals, digits,
/// '_' and "<STORAGE>" of at least 4 characters containing '_' (PVE_URL, PBS_<STORAGE>_URL).
std::string markdown_text(std::string_view text) {
    const auto name_char = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'; };
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t j = i;
        while (j < text.size()) {
            if (name_char(text[j])) {
                ++j;
            } else if (text.substr(j, 9) == "<STORAGE>") {
                j += 9;
            } else {
                break;
            }
        }
        const std::string_view word = text.substr(i, j - i);
        const bool starts_word = i == 0 || !(std::isalnum(static_cast<unsigned char>(text[i - 1])) != 0);
        const bool storage = word == "<STORAGE>";
        if (storage || (starts_word && word.size() >= 4 && word.find('_') != std::string_view::npos &&
                        word.front() != '_' && word.back() != '_')) {
            out += '`';
            out += word;
            out += '`';
            i = j;
            continue;
        }
        if (j > i) {
            out += word;
            i = j;
            continue;
        }
        switch (text[i]) {
        case '|':
            out += "\\|"; // a cell separator otherwise
            break;
        case '<':
            out += "&lt;"; // an HTML tag or an autolink otherwise ("Name <addr@domain>")
            break;
        case '>':
            out += "&gt;";
            break;
        default:
            out += text[i];
        }
        ++i;
    }
    return out;
}

} // namespace

std::string markdown_variables_table() {
    std::string out = "| variable | default | meaning |\n| --- | --- | --- |\n";
    for (const auto& var : config::documented_variables()) {
        std::string default_value = var.default_value.empty() ? "—" : "`" + var.default_value + "`";
        if (var.required) {
            default_value = "— (required)";
        }
        out += fmt::format("| `{}` | {} | {} |\n", var.name, default_value, markdown_text(var.description));
    }
    return out;
}

std::string markdown_exit_codes_table() {
    std::string out = "| code | meaning |\n| --- | --- |\n";
    for (const auto& doc : exit_code_docs()) {
        out += fmt::format("| {} | {} |\n", fmt::join(doc.codes, ", "), markdown_text(doc.meaning));
    }
    return out;
}

std::string help_exit_codes() {
    std::string out;
    for (const auto& doc : exit_code_docs()) {
        out += fmt::format("  {:<9}{}\n", fmt::format("{}", fmt::join(doc.codes, ", ")), doc.meaning);
    }
    return out;
}

} // namespace pvr::app
