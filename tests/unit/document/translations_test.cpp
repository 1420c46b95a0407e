#include "document/translations.hpp"

#include <gtest/gtest.h>

#include <algorithm>

using namespace pvr::document;

namespace {

std::size_t placeholders(std::string_view text) {
    return static_cast<std::size_t>(std::count(text.begin(), text.end(), '{'));
}

TEST(Translations, TableIsCompleteAndInOrder) {
    const auto& table = translation_table();
    ASSERT_EQ(table.size(), static_cast<std::size_t>(Msg::count_));
    for (std::size_t i = 0; i < table.size(); ++i) {
        const auto& e = table[i];
        EXPECT_EQ(static_cast<std::size_t>(e.id), i) << "entry " << i << " is out of order";
        EXPECT_FALSE(e.en.empty()) << "message " << i << " has no English text";
        EXPECT_FALSE(e.fr.empty()) << "message " << i << " has no French text";
        EXPECT_EQ(e.en_plural.empty(), e.fr_plural.empty()) << "message " << i << ": plural in one language only";
        EXPECT_EQ(placeholders(e.en), placeholders(e.fr)) << "message " << i << ": " << e.en << " / " << e.fr;
        if (!e.en_plural.empty()) {
            EXPECT_EQ(placeholders(e.en_plural), placeholders(e.fr_plural)) << "message " << i;
        }
    }
}

TEST(Translations, FrenchUsesNonBreakingSpaceBeforeColonAndSemicolon) {
    for (const auto& e : translation_table()) {
        for (const auto text : {e.fr, e.fr_plural}) {
            for (std::size_t pos = text.find_first_of(":;"); pos != std::string_view::npos;
                 pos = text.find_first_of(":;", pos + 1)) {
                ASSERT_GE(pos, 2U) << text;
                EXPECT_EQ(text.substr(pos - 2, 2), "\u00a0") << "missing non-breaking space in: " << text;
            }
            EXPECT_EQ(text.find('\''), std::string_view::npos) << "use the typographic apostrophe in: " << text;
        }
    }
}

TEST(Translations, StatusNames) {
    const Translator en(Lang::en);
    const Translator fr(Lang::fr);
    EXPECT_EQ(en.text(Msg::status_scheduled), "Backup scheduled");
    EXPECT_EQ(fr.text(Msg::status_scheduled), "Sauvegarde planifiée");
    EXPECT_EQ(en.text(Msg::status_not_backed_up), "Not backed up");
    EXPECT_EQ(fr.text(Msg::status_not_backed_up), "Non sauvegardée");
    EXPECT_EQ(en.text(Msg::status_undetermined), "Undetermined");
    EXPECT_EQ(fr.text(Msg::status_undetermined), "Indéterminé");
}

TEST(Translations, PluralRules) {
    const Translator en(Lang::en);
    const Translator fr(Lang::fr);
    EXPECT_EQ(en.format_n(Msg::days_ago, 1, 1), "1 day ago");
    EXPECT_EQ(en.format_n(Msg::days_ago, 0, 0), "0 days ago");
    EXPECT_EQ(fr.format_n(Msg::days_ago, 0, 0), "il y a 0 jour");
    EXPECT_EQ(fr.format_n(Msg::days_ago, 2, 2), "il y a 2 jours");
}

TEST(Translations, JoinWords) {
    EXPECT_EQ(Translator(Lang::en).join_words({"a", "b", "c"}), "a, b and c");
    EXPECT_EQ(Translator(Lang::fr).join_words({"a", "b", "c"}), "a, b et c");
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
