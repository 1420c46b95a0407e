#pragma once
// Reading and writing gettext PO files (po/<lang>.po, po/pve-backup-report.pot): comments,
// msgctxt, msgid, msgid_plural, msgstr / msgstr[n], strings over several lines, C escapes.
// write_po() produces the project's canonical form (no line wrapping; a string holding "\n" is
// split after each "\n"), so that parse → write gives back a file in that form byte for byte.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pvr::document {

struct PoEntry {
    std::vector<std::string> comments;  // the '#' lines before the entry, verbatim ("#, fuzzy", "#. ...")
    std::optional<std::string> context; // msgctxt
    std::string id;                     // msgid ("" for the header)
    std::optional<std::string> id_plural;
    std::vector<std::string> strings; // msgstr, or msgstr[0], msgstr[1]...
    std::size_t line = 0;             // where the entry starts in the file (1-based)

    [[nodiscard]] bool is_header() const noexcept { return !context && id.empty(); }
    /// A "#, fuzzy" flag: a translation to review, never used.
    [[nodiscard]] bool fuzzy() const;
};

struct PoCatalogue {
    std::vector<PoEntry> entries;
    std::vector<std::string> trailing_comments; // '#' lines after the last entry (e.g. obsolete "#~")
};

/// Parses a PO file; `name` names it in errors. Throws pvr::Error (config) "<name>:<line>: <problem>"
/// on a malformed file: unknown keyword, unterminated or badly escaped string, msgstr missing or out
/// of order, plural forms without msgid_plural, an entry defined twice.
[[nodiscard]] PoCatalogue parse_po(std::string_view text, std::string_view name);

/// The catalogue in canonical form (entries separated by one empty line, ending with a newline).
[[nodiscard]] std::string write_po(const PoCatalogue& catalogue);

/// The header msgstr's field (e.g. "Plural-Forms"), or nullopt.
[[nodiscard]] std::optional<std::string> header_field(const PoCatalogue& catalogue, std::string_view field);

/// The template po/pve-backup-report.pot: every message of the English table, msgctxt = its id's
/// name, msgstr empty; "#, python-brace-format" on texts with placeholders (msgfmt --check then
/// checks that a translation keeps them).
[[nodiscard]] PoCatalogue template_catalogue();

} // namespace pvr::document
