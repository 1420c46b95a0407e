#include "document/po_catalogue.hpp"

#include "core/error.hpp"
#include "document/translations.hpp"

#include <fmt/format.h>

#include <set>
#include <utility>

namespace pvr::document {

namespace {

[[noreturn]] void fail(std::string_view name, std::size_t line, std::string_view problem) {
    throw Error(ErrorKind::config, fmt::format("{}:{}: {}", name, line, problem));
}

/// Shows at most 40 bytes of a line in an error, printable ASCII only (the file may be anything).
std::string shown(std::string_view line) {
    std::string out;
    for (const char c : line.substr(0, 40)) {
        out += (c >= 0x20 && c < 0x7F) ? c : '?';
    }
    return line.size() > 40 ? out + "..." : out;
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

/// The value of a quoted PO string `"..."` (the whole of `quoted`), with its C escapes decoded.
std::string unquote(std::string_view quoted, std::string_view name, std::size_t line) {
    if (quoted.size() < 2 || quoted.front() != '"' || quoted.back() != '"') {
        fail(name, line, fmt::format("expected a string in double quotes: {}", shown(quoted)));
    }
    const std::string_view body = quoted.substr(1, quoted.size() - 2);
    std::string out;
    out.reserve(body.size());
    for (std::size_t i = 0; i < body.size(); ++i) {
        const char c = body[i];
        if (c == '"') {
            fail(name, line, "unescaped '\"' inside a string");
        }
        if (c != '\\') {
            out += c;
            continue;
        }
        if (++i >= body.size()) {
            fail(name, line, "a string ends with a lone backslash");
        }
        const char e = body[i];
        switch (e) {
        case 'n':
            out += '\n';
            break;
        case 't':
            out += '\t';
            break;
        case 'r':
            out += '\r';
            break;
        case 'a':
            out += '\a';
            break;
        case 'b':
            out += '\b';
            break;
        case 'f':
            out += '\f';
            break;
        case 'v':
            out += '\v';
            break;
        case '"':
            out += '"';
            break;
        case '\\':
            out += '\\';
            break;
        case '\'':
            out += '\'';
            break;
        case '?':
            out += '?';
            break;
        case 'x': {
            int value = 0;
            std::size_t digits = 0;
            while (i + 1 < body.size() && digits < 2 && hex_value(body[i + 1]) >= 0) {
                value = value * 16 + hex_value(body[++i]);
                ++digits;
            }
            if (digits == 0) {
                fail(name, line, "\\x without hexadecimal digits");
            }
            out += static_cast<char>(value);
            break;
        }
        default:
            if (e >= '0' && e <= '7') {
                int value = e - '0';
                for (int n = 0; n < 2 && i + 1 < body.size() && body[i + 1] >= '0' && body[i + 1] <= '7'; ++n) {
                    value = value * 8 + (body[++i] - '0');
                }
                if (value > 0xFF) {
                    fail(name, line, "octal escape above \\377");
                }
                out += static_cast<char>(value);
                break;
            }
            fail(name, line, fmt::format("unknown escape \\{}", shown(std::string_view(&body[i], 1))));
        }
    }
    return out;
}

std::string_view trim_spaces(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
        s.remove_prefix(1);
    }
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
        s.remove_suffix(1);
    }
    return s;
}

enum class Field { none, context, id, id_plural, string };

class Parser {
public:
    Parser(std::string_view text, std::string_view name) : m_text(text), m_name(name) {}

    PoCatalogue run() {
        std::size_t pos = 0;
        while (pos <= m_text.size()) {
            const auto end = m_text.find('\n', pos);
            const auto raw = m_text.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
            ++m_line;
            line(raw);
            if (end == std::string_view::npos) {
                break;
            }
            pos = end + 1;
        }
        finish();
        m_out.trailing_comments = std::move(m_comments);
        return std::move(m_out);
    }

private:
    void line(std::string_view raw) {
        std::string_view text = raw;
        if (!text.empty() && text.back() == '\r') {
            text.remove_suffix(1);
        }
        const auto trimmed = trim_spaces(text);
        if (trimmed.empty()) {
            if (m_open && m_has_id) {
                finish();
            }
            m_field = Field::none;
            return;
        }
        if (trimmed.front() == '#') {
            if (m_open && m_has_id) {
                finish();
            } else if (m_open) {
                fail(m_name, m_line, "a comment inside an entry, before its msgid");
            }
            if (m_comments.empty()) {
                m_comments_line = m_line;
            }
            m_comments.emplace_back(text);
            m_field = Field::none;
            return;
        }
        if (trimmed.front() == '"') {
            continuation(unquote(trimmed, m_name, m_line));
            return;
        }
        const auto space = trimmed.find_first_of(" \t");
        if (space == std::string_view::npos) {
            fail(m_name, m_line, fmt::format("a keyword without a string: {}", shown(trimmed)));
        }
        const auto word = trimmed.substr(0, space);
        if (word != "msgctxt" && word != "msgid" && word != "msgid_plural" && word.substr(0, 6) != "msgstr") {
            fail(m_name, m_line, fmt::format("unknown keyword: {}", shown(word)));
        }
        keyword(word, unquote(trim_spaces(trimmed.substr(space)), m_name, m_line));
    }

    void start() {
        if (m_open && m_has_id) {
            finish();
        }
        if (!m_open) {
            m_entry = PoEntry{};
            m_entry.comments = std::move(m_comments);
            m_comments.clear();
            m_entry.line = m_entry.comments.empty() ? m_line : m_comments_line;
            m_open = true;
            m_has_id = false;
        }
    }

    void keyword(std::string_view word, std::string value) {
        if (word == "msgctxt") {
            start();
            if (m_entry.context) {
                fail(m_name, m_line, "msgctxt twice in one entry");
            }
            m_entry.context = std::move(value);
            m_field = Field::context;
        } else if (word == "msgid") {
            if (m_open && m_has_id) {
                finish();
            }
            start();
            m_entry.id = std::move(value);
            m_has_id = true;
            m_field = Field::id;
        } else if (word == "msgid_plural") {
            if (!m_open || !m_has_id || m_entry.id_plural || !m_entry.strings.empty()) {
                fail(m_name, m_line, "msgid_plural must follow the msgid, once");
            }
            m_entry.id_plural = std::move(value);
            m_field = Field::id_plural;
        } else if (word == "msgstr" || (word.substr(0, 7) == "msgstr[" && word.back() == ']')) {
            if (!m_open || !m_has_id) {
                fail(m_name, m_line, "msgstr without a msgid before it");
            }
            if (word == "msgstr") {
                if (m_entry.id_plural) {
                    fail(m_name, m_line, "an entry with msgid_plural needs msgstr[0], msgstr[1]...");
                }
                if (!m_entry.strings.empty()) {
                    fail(m_name, m_line, "msgstr twice in one entry");
                }
            } else {
                const auto digits = word.substr(7, word.size() - 8);
                if (digits.empty() || digits.size() > 2 ||
                    digits.find_first_not_of("0123456789") != std::string_view::npos) {
                    fail(m_name, m_line, fmt::format("bad plural index: {}", shown(word)));
                }
                if (!m_entry.id_plural) {
                    fail(m_name, m_line, "msgstr[n] in an entry without msgid_plural");
                }
                if (std::stoul(std::string(digits)) != m_entry.strings.size()) {
                    fail(m_name, m_line,
                         fmt::format("{} out of order: expected msgstr[{}]", shown(word), m_entry.strings.size()));
                }
            }
            m_entry.strings.push_back(std::move(value));
            m_field = Field::string;
        } else {
            fail(m_name, m_line, fmt::format("unknown keyword: {}", shown(word)));
        }
    }

    void continuation(const std::string& value) {
        switch (m_field) {
        case Field::context:
            *m_entry.context += value;
            return;
        case Field::id:
            m_entry.id += value;
            return;
        case Field::id_plural:
            *m_entry.id_plural += value;
            return;
        case Field::string:
            m_entry.strings.back() += value;
            return;
        case Field::none:
            break;
        }
        fail(m_name, m_line, "a string that continues nothing");
    }

    void finish() {
        m_field = Field::none;
        if (!m_open) {
            return;
        }
        m_open = false;
        if (!m_has_id) {
            fail(m_name, m_entry.line, "an entry without msgid");
        }
        if (m_entry.strings.empty()) {
            fail(m_name, m_entry.line, "an entry without msgstr");
        }
        if (m_entry.id_plural && m_entry.strings.size() < 2) {
            fail(m_name, m_entry.line, "a plural entry needs at least msgstr[0] and msgstr[1]");
        }
        auto key = std::make_pair(m_entry.context.value_or(std::string("\x04")), m_entry.id);
        if (!m_seen.insert(std::move(key)).second) {
            fail(m_name, m_entry.line,
                 fmt::format("entry defined twice (msgctxt \"{}\")", shown(m_entry.context.value_or(""))));
        }
        m_out.entries.push_back(std::move(m_entry));
        m_entry = PoEntry{};
    }

    std::string_view m_text;
    std::string_view m_name;
    std::size_t m_line = 0;
    std::size_t m_comments_line = 0; // where the pending comments start
    PoCatalogue m_out;
    PoEntry m_entry;
    std::vector<std::string> m_comments;
    bool m_open = false;
    bool m_has_id = false;
    Field m_field = Field::none;
    std::set<std::pair<std::string, std::string>> m_seen;
};

std::string escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
        case '\\':
            out += "\\\\";
            break;
        case '"':
            out += "\\\"";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\n':
            out += "\\n";
            break;
        default:
            out += c;
        }
    }
    return out;
}

void write_string(std::string& out, std::string_view keyword, std::string_view text) {
    const auto newline = text.find('\n');
    if (newline == std::string_view::npos || newline + 1 == text.size()) {
        out += fmt::format("{} \"{}\"\n", keyword, escape(text));
        return;
    }
    out += fmt::format("{} \"\"\n", keyword);
    std::size_t pos = 0;
    while (pos < text.size()) {
        const auto end = text.find('\n', pos);
        const auto piece = text.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos + 1);
        out += fmt::format("\"{}\"\n", escape(piece));
        pos += piece.size();
    }
}

} // namespace

bool PoEntry::fuzzy() const {
    for (const auto& c : comments) {
        if (c.size() >= 2 && c[0] == '#' && c[1] == ',') {
            for (std::size_t pos = c.find("fuzzy"); pos != std::string::npos; pos = c.find("fuzzy", pos + 1)) {
                const bool starts = c[pos - 1] == ',' || c[pos - 1] == ' ';
                const bool ends = pos + 5 == c.size() || c[pos + 5] == ',' || c[pos + 5] == ' ';
                if (starts && ends) {
                    return true;
                }
            }
        }
    }
    return false;
}

PoCatalogue parse_po(std::string_view text, std::string_view name) { return Parser(text, name).run(); }

std::string write_po(const PoCatalogue& catalogue) {
    std::string out;
    bool first = true;
    for (const auto& e : catalogue.entries) {
        if (!first) {
            out += '\n';
        }
        first = false;
        for (const auto& c : e.comments) {
            out += c;
            out += '\n';
        }
        if (e.context) {
            write_string(out, "msgctxt", *e.context);
        }
        write_string(out, "msgid", e.id);
        if (e.id_plural) {
            write_string(out, "msgid_plural", *e.id_plural);
            for (std::size_t i = 0; i < e.strings.size(); ++i) {
                write_string(out, fmt::format("msgstr[{}]", i), e.strings[i]);
            }
        } else {
            write_string(out, "msgstr", e.strings.empty() ? std::string_view() : std::string_view(e.strings[0]));
        }
    }
    if (!catalogue.trailing_comments.empty()) {
        if (!first) {
            out += '\n';
        }
        for (const auto& c : catalogue.trailing_comments) {
            out += c;
            out += '\n';
        }
    }
    return out;
}

std::optional<std::string> header_field(const PoCatalogue& catalogue, std::string_view field) {
    for (const auto& e : catalogue.entries) {
        if (!e.is_header() || e.strings.empty()) {
            continue;
        }
        const std::string_view header = e.strings[0];
        std::size_t pos = 0;
        while (pos < header.size()) {
            const auto end = header.find('\n', pos);
            const auto line = header.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
            if (line.size() > field.size() && line.substr(0, field.size()) == field && line[field.size()] == ':') {
                return std::string(trim_spaces(line.substr(field.size() + 1)));
            }
            if (end == std::string_view::npos) {
                break;
            }
            pos = end + 1;
        }
    }
    return std::nullopt;
}

PoCatalogue template_catalogue() {
    PoCatalogue out;
    PoEntry header;
    header.comments = {"# Template of the texts of pve-backup-report's reports: the English table of "
                       "src/document/translations.cpp.",
                       "# Generated by the tests (PVR_UPDATE_DOCS=1): do not edit; translations go to po/<lang>.po.",
                       "#, fuzzy"};
    header.strings = {"Project-Id-Version: pve-backup-report\n"
                      "Language: \n"
                      "MIME-Version: 1.0\n"
                      "Content-Type: text/plain; charset=UTF-8\n"
                      "Content-Transfer-Encoding: 8bit\n"
                      "Plural-Forms: nplurals=INTEGER; plural=EXPRESSION;\n"};
    out.entries.push_back(std::move(header));
    for (const auto& row : translation_table()) {
        PoEntry e;
        const bool plural = !row.en_plural.text.empty();
        if (row.en.find('{') != std::string_view::npos || row.en_plural.text.find('{') != std::string_view::npos) {
            e.comments.emplace_back("#, python-brace-format");
        }
        e.context = std::string(row.name);
        e.id = std::string(row.en);
        if (plural) {
            e.id_plural = std::string(row.en_plural.text);
            e.strings = {std::string(), std::string()};
        } else {
            e.strings = {std::string()};
        }
        out.entries.push_back(std::move(e));
    }
    return out;
}

} // namespace pvr::document
