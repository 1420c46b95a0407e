#include "document/translations.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

using namespace pvr::document;

namespace {

const std::string nbsp = "\u00a0";
const std::string narrow_nbsp = "\u202f";

/// The placeholders of a format string, sorted: "{0} of {1}" → {"{0}", "{1}"}.
std::vector<std::string> placeholders(std::string_view text) {
    std::vector<std::string> out;
    for (auto open = text.find('{'); open != std::string_view::npos; open = text.find('{', open + 1)) {
        const auto close = text.find('}', open);
        out.emplace_back(text.substr(open, close == std::string_view::npos ? close : close - open + 1));
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::string joined(const std::vector<std::string>& parts) {
    std::string out;
    for (const auto& p : parts) {
        out += p;
    }
    return out;
}

bool is_snake_case(std::string_view name) {
    return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    });
}

TEST(Translations, TableIsCompleteAndInOrder) {
    const auto& table = translation_table();
    ASSERT_EQ(table.size(), static_cast<std::size_t>(Msg::count_));
    std::set<std::string_view> names;
    for (std::size_t i = 0; i < table.size(); ++i) {
        const auto& e = table[i];
        EXPECT_EQ(static_cast<std::size_t>(e.id), i) << "entry " << i << " is out of order";
        EXPECT_FALSE(e.en.empty()) << "message " << e.name << " has no English text";
        EXPECT_TRUE(is_snake_case(e.name)) << "message " << i << ": bad name " << e.name;
        EXPECT_TRUE(names.insert(e.name).second) << e.name << " twice";
    }
}

/// Every message has a usable translation (po/<lang>.po: same English msgid, not fuzzy, not
/// empty) with the English text's placeholders, and both plural forms when English has them.
void expect_complete(Lang lang) {
    std::vector<std::string> missing;
    for (const auto& e : translation_table()) {
        const auto* t = catalogue_translation(lang, e.id);
        if (t == nullptr) {
            missing.emplace_back(e.name);
            continue;
        }
        EXPECT_EQ(joined(placeholders(t->one)), joined(placeholders(e.en)))
            << to_code(lang) << " " << e.name << ": placeholders differ: " << t->one;
        if (!e.en_plural.text.empty()) {
            EXPECT_FALSE(t->many.empty()) << to_code(lang) << " " << e.name << ": no plural form";
            EXPECT_EQ(joined(placeholders(t->many)), joined(placeholders(e.en_plural.text)))
                << to_code(lang) << " " << e.name << ": plural placeholders differ: " << t->many;
        }
    }
    std::string list;
    for (const auto& name : missing) {
        list += " " + name;
    }
    EXPECT_TRUE(missing.empty()) << "po/" << to_code(lang) << ".po has no usable translation for:" << list
                                 << " (see docs/translations.md)";
}

TEST(Translations, EveryMessageHasAFrenchTranslation) { expect_complete(Lang::fr); }
TEST(Translations, EveryMessageHasAGermanTranslation) { expect_complete(Lang::de); }
TEST(Translations, EnglishHasNoCatalogue) { EXPECT_EQ(catalogue_translation(Lang::en, Msg::doc_title), nullptr); }

/// The texts of a language: each translated form.
std::vector<std::string> texts_of(Lang lang) {
    std::vector<std::string> out;
    for (const auto& e : translation_table()) {
        if (const auto* t = catalogue_translation(lang, e.id)) {
            out.push_back(t->one);
            if (!t->many.empty()) {
                out.push_back(t->many);
            }
        }
    }
    return out;
}

bool space_before(const std::string& text, std::size_t pos) {
    const auto ends_with = [&](const std::string& s) {
        return pos >= s.size() && text.compare(pos - s.size(), s.size(), s) == 0;
    };
    return ends_with(nbsp) || ends_with(narrow_nbsp);
}

TEST(Translations, FrenchTypography) {
    for (const auto& text : texts_of(Lang::fr)) {
        for (std::size_t pos = text.find_first_of(":;%!?"); pos != std::string::npos;
             pos = text.find_first_of(":;%!?", pos + 1)) {
            EXPECT_TRUE(space_before(text, pos)) << "no no-break space before '" << text[pos] << "' in: " << text;
        }
        EXPECT_EQ(text.find('\''), std::string::npos) << "use the typographic apostrophe ’ in: " << text;
        EXPECT_EQ(text.find('"'), std::string::npos) << "use « » in: " << text;
        for (auto pos = text.find("«"); pos != std::string::npos; pos = text.find("«", pos + 1)) {
            EXPECT_EQ(text.compare(pos + std::string("«").size(), nbsp.size(), nbsp), 0)
                << "« needs a no-break space: " << text;
        }
        for (auto pos = text.find("»"); pos != std::string::npos; pos = text.find("»", pos + 1)) {
            EXPECT_TRUE(space_before(text, pos)) << "» needs a no-break space: " << text;
        }
    }
}

TEST(Translations, GermanTypography) {
    for (const auto& text : texts_of(Lang::de)) {
        for (std::size_t pos = text.find_first_of(":;!?"); pos != std::string::npos;
             pos = text.find_first_of(":;!?", pos + 1)) {
            EXPECT_FALSE(pos > 0 && (text[pos - 1] == ' ' || space_before(text, pos)))
                << "German puts no space before '" << text[pos] << "' in: " << text;
        }
        EXPECT_EQ(text.find('"'), std::string::npos) << "use „ “ in: " << text;
        EXPECT_EQ(text.find('\''), std::string::npos) << "use the typographic apostrophe ’ in: " << text;
        EXPECT_EQ(text.find("«"), std::string::npos) << "use „ “ in: " << text;
    }
}

TEST(Translations, StatusNames) {
    const Translator en(Lang::en);
    const Translator fr(Lang::fr);
    const Translator de(Lang::de);
    EXPECT_EQ(en.text(Msg::status_scheduled), "Backup scheduled");
    EXPECT_EQ(fr.text(Msg::status_scheduled), "Sauvegarde planifiée");
    EXPECT_EQ(de.text(Msg::status_scheduled), "Backup geplant");
    EXPECT_EQ(en.text(Msg::status_not_backed_up), "Not backed up");
    EXPECT_EQ(fr.text(Msg::status_not_backed_up), "Non sauvegardée");
    EXPECT_EQ(de.text(Msg::status_not_backed_up), "Nicht gesichert");
    EXPECT_EQ(en.text(Msg::status_undetermined), "Undetermined");
    EXPECT_EQ(fr.text(Msg::status_undetermined), "Indéterminé");
    EXPECT_EQ(de.text(Msg::status_undetermined), "Unbestimmt");
}

TEST(Translations, PluralRules) {
    const Translator en(Lang::en);
    const Translator fr(Lang::fr);
    const Translator de(Lang::de);
    EXPECT_EQ(en.format_n(Msg::days_ago, 1, 1), "1 day ago");
    EXPECT_EQ(en.format_n(Msg::days_ago, 0, 0), "0 days ago");
    EXPECT_EQ(fr.format_n(Msg::days_ago, 0, 0), "il y a 0 jour");
    EXPECT_EQ(fr.format_n(Msg::days_ago, 2, 2), "il y a 2 jours");
    EXPECT_EQ(de.format_n(Msg::days_ago, 0, 0), "vor 0 Tagen");
    EXPECT_EQ(de.format_n(Msg::days_ago, 1, 1), "vor 1 Tag");
    EXPECT_EQ(de.format_n(Msg::verdict_part_not_backed_up, 3, 3), "3 Gäste werden nicht gesichert");
}

TEST(Translations, JoinWords) {
    EXPECT_EQ(Translator(Lang::en).join_words({"a", "b", "c"}), "a, b and c");
    EXPECT_EQ(Translator(Lang::fr).join_words({"a", "b", "c"}), "a, b et c");
    EXPECT_EQ(Translator(Lang::de).join_words({"a", "b", "c"}), "a, b und c");
    EXPECT_EQ(Translator(Lang::fr).join_words({"a"}), "a");
    EXPECT_EQ(Translator(Lang::fr).join_words({}), "");
}

TEST(Translations, ParseLang) {
    EXPECT_EQ(parse_lang("en"), Lang::en);
    EXPECT_EQ(parse_lang(" FR "), Lang::fr);
    EXPECT_EQ(parse_lang("De"), Lang::de);
    EXPECT_FALSE(parse_lang("es").has_value());
}

} // namespace
