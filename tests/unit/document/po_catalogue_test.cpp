#include "document/po_catalogue.hpp"

#include "core/error.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

using namespace pvr::document;

namespace {

std::string read_source(const std::string& relative) {
    std::ifstream in(std::string(PVR_SOURCE_DIR) + "/" + relative, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

/// The message of the pvr::Error parse_po throws on `text` (empty if it does not throw).
std::string parse_error(const std::string& text) {
    try {
        (void)parse_po(text, "test.po");
    } catch (const pvr::Error& e) {
        EXPECT_EQ(e.kind(), pvr::ErrorKind::config);
        return e.what();
    }
    return {};
}

const std::string k_sample = R"(# German translation.
msgid ""
msgstr ""
"Language: de\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\n"

# translator comment
#. extracted comment
#, python-brace-format
msgctxt "days_ago"
msgid "{} day ago"
msgid_plural "{} days ago"
msgstr[0] "vor {} Tag"
msgstr[1] "vor {} Tagen"

#, fuzzy
msgctxt "quote"
msgid "Say \"hi\"\tnow\\"
msgstr ""
"Sag "
"„hallo“"

msgid "two\nlines\n"
msgstr "zwei\nZeilen\n"

#~ msgid "obsolete"
#~ msgstr "veraltet"
)";

TEST(PoCatalogue, ParsesEntries) {
    const auto po = parse_po(k_sample, "sample.po");
    ASSERT_EQ(po.entries.size(), 4U);
    EXPECT_TRUE(po.entries[0].is_header());
    EXPECT_EQ(header_field(po, "Language"), "de");
    EXPECT_EQ(header_field(po, "Plural-Forms"), "nplurals=2; plural=(n != 1);");
    EXPECT_FALSE(header_field(po, "Lang").has_value());

    const auto& plural = po.entries[1];
    EXPECT_EQ(plural.comments.size(), 3U);
    EXPECT_EQ(plural.context, "days_ago");
    EXPECT_EQ(plural.id, "{} day ago");
    EXPECT_EQ(plural.id_plural, "{} days ago");
    ASSERT_EQ(plural.strings.size(), 2U);
    EXPECT_EQ(plural.strings[1], "vor {} Tagen");
    EXPECT_EQ(plural.line, 7U);
    EXPECT_FALSE(plural.fuzzy());

    const auto& quoted = po.entries[2];
    EXPECT_TRUE(quoted.fuzzy());
    EXPECT_EQ(quoted.id, "Say \"hi\"\tnow\\");
    EXPECT_EQ(quoted.strings[0], "Sag „hallo“");

    EXPECT_FALSE(po.entries[3].context.has_value());
    EXPECT_EQ(po.entries[3].strings[0], "zwei\nZeilen\n");
    ASSERT_EQ(po.trailing_comments.size(), 2U);
    EXPECT_EQ(po.trailing_comments[0], "#~ msgid \"obsolete\"");
}

TEST(PoCatalogue, OctalHexAndCrLf) {
    const auto po = parse_po("msgid \"a\\101\\x42\"\r\nmsgstr \"c\"\r\n", "crlf.po");
    ASSERT_EQ(po.entries.size(), 1U);
    EXPECT_EQ(po.entries[0].id, "aAB");
    EXPECT_EQ(po.entries[0].strings[0], "c");
}

TEST(PoCatalogue, WritesTheCanonicalForm) {
    PoCatalogue po;
    PoEntry e;
    e.comments = {"#, python-brace-format"};
    e.context = "x";
    e.id = "one\ntwo \"q\"";
    e.strings = {"eins\nzwei\n"};
    po.entries.push_back(e);
    EXPECT_EQ(write_po(po), "#, python-brace-format\nmsgctxt \"x\"\nmsgid \"\"\n\"one\\n\"\n\"two \\\"q\\\"\"\n"
                            "msgstr \"\"\n\"eins\\n\"\n\"zwei\\n\"\n");
    EXPECT_EQ(write_po(parse_po(write_po(po), "again.po")), write_po(po));
}

TEST(PoCatalogue, ErrorsNameTheLine) {
    EXPECT_EQ(parse_error("msgid \"a\"\nmsgstr \"b\n"), "test.po:2: expected a string in double quotes: \"b");
    EXPECT_EQ(parse_error("msgid \"a\"\nmsgtxt \"b\"\n"), "test.po:2: unknown keyword: msgtxt");
    EXPECT_EQ(parse_error("msgstr \"b\"\n"), "test.po:1: msgstr without a msgid before it");
    EXPECT_EQ(parse_error("msgid \"a\"\n\nmsgid \"c\"\nmsgstr \"d\"\n"), "test.po:1: an entry without msgstr");
    EXPECT_EQ(parse_error("msgid \"a\"\nmsgid_plural \"as\"\nmsgstr[1] \"b\"\n"),
              "test.po:3: msgstr[1] out of order: expected msgstr[0]");
    EXPECT_EQ(parse_error("msgid \"a\"\nmsgid_plural \"as\"\nmsgstr \"b\"\n"),
              "test.po:3: an entry with msgid_plural needs msgstr[0], msgstr[1]...");
    EXPECT_EQ(parse_error("msgid \"a\"\nmsgstr[0] \"b\"\n"), "test.po:2: msgstr[n] in an entry without msgid_plural");
    EXPECT_EQ(parse_error("msgid \"a\\q\"\nmsgstr \"b\"\n"), "test.po:1: unknown escape \\q");
    EXPECT_EQ(parse_error("msgid \"a\"b\"\nmsgstr \"b\"\n"), "test.po:1: unescaped '\"' inside a string");
    EXPECT_EQ(parse_error("\"a\"\n"), "test.po:1: a string that continues nothing");
    EXPECT_EQ(parse_error("msgctxt \"k\"\nmsgid \"a\"\nmsgstr \"b\"\n\nmsgctxt \"k\"\nmsgid \"a\"\nmsgstr \"c\"\n"),
              "test.po:5: entry defined twice (msgctxt \"k\")");
    EXPECT_EQ(parse_error("msgid \"a\"\nmsgid_plural \"as\"\nmsgstr[0] \"b\"\n"),
              "test.po:1: a plural entry needs at least msgstr[0] and msgstr[1]");
    EXPECT_EQ(parse_error("msgid\n"), "test.po:1: a keyword without a string: msgid");
    // Hostile bytes are not echoed back raw.
    EXPECT_EQ(parse_error("\x01\xff msgid \"a\"\n"), "test.po:1: unknown keyword: ??");
}

TEST(PoCatalogue, EmptyAndCommentOnlyFiles) {
    EXPECT_TRUE(parse_po("", "empty.po").entries.empty());
    EXPECT_EQ(parse_po("# only a comment\n", "c.po").trailing_comments.size(), 1U);
}

/// parse → write gives back every committed catalogue byte for byte.
TEST(PoCatalogue, CommittedCataloguesRoundTrip) {
    for (const std::string file : {"po/fr.po", "po/de.po", "po/pve-backup-report.pot"}) {
        const auto text = read_source(file);
        ASSERT_FALSE(text.empty()) << file;
        EXPECT_EQ(write_po(parse_po(text, file)), text) << file << " is not in canonical form";
    }
}

TEST(PoCatalogue, CommittedCataloguesHeaders) {
    const auto fr = parse_po(read_source("po/fr.po"), "po/fr.po");
    const auto de = parse_po(read_source("po/de.po"), "po/de.po");
    EXPECT_EQ(header_field(fr, "Language"), "fr");
    EXPECT_EQ(header_field(fr, "Plural-Forms"), "nplurals=2; plural=(n > 1);");
    EXPECT_EQ(header_field(de, "Language"), "de");
    EXPECT_EQ(header_field(de, "Plural-Forms"), "nplurals=2; plural=(n != 1);");
    EXPECT_EQ(header_field(de, "Content-Type"), "text/plain; charset=UTF-8");
}

/// Hostile input: mutated catalogues either parse or fail with a pvr::Error naming a line; what
/// parses writes out in a form that parses back to the same text (write is a fixed point).
TEST(PoCatalogue, MutatedInputEitherParsesOrFailsCleanly) {
    const std::string original = read_source("po/de.po").substr(0, 4000);
    ASSERT_FALSE(original.empty());
    std::uint32_t state = 12345;
    const auto next = [&state] {
        state = state * 1664525U + 1013904223U;
        return state >> 8;
    };
    std::string alphabet = "\"\\\n#[]01 msgidstrctxplural\xff\xc3";
    alphabet.push_back('\0');
    for (int round = 0; round < 3000; ++round) {
        std::string text = original;
        const int edits = 1 + static_cast<int>(next() % 4);
        for (int e = 0; e < edits; ++e) {
            const auto pos = next() % text.size();
            switch (next() % 3) {
            case 0:
                text[pos] = alphabet[next() % alphabet.size()];
                break;
            case 1:
                text.erase(pos, 1 + next() % 8);
                break;
            default:
                text.insert(pos, 1, alphabet[next() % alphabet.size()]);
                break;
            }
        }
        try {
            const auto once = write_po(parse_po(text, "mutated.po"));
            EXPECT_EQ(write_po(parse_po(once, "again.po")), once) << "round " << round;
        } catch (const pvr::Error& e) {
            EXPECT_EQ(std::string(e.what()).rfind("mutated.po:", 0), 0U) << e.what();
        }
    }
}

/// po/pve-backup-report.pot is what the English table gives; PVR_UPDATE_DOCS=1 rewrites it.
TEST(PoCatalogue, TemplateMatchesTheEnglishTable) {
    const std::string relative = "po/pve-backup-report.pot";
    const std::string expected = write_po(template_catalogue());
    const char* update = std::getenv("PVR_UPDATE_DOCS"); // NOLINT(concurrency-mt-unsafe)
    if (update != nullptr && std::string(update) == "1") {
        std::ofstream(std::string(PVR_SOURCE_DIR) + "/" + relative, std::ios::binary | std::ios::trunc) << expected;
    }
    EXPECT_EQ(read_source(relative), expected)
        << relative << " is out of date: run the tests with PVR_UPDATE_DOCS=1 to rewrite it, then update "
        << "po/*.po (see docs/translations.md)";
}

} // namespace
