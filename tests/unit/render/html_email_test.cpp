// The e-mail variant of the HTML report: the same page, with the essential look as inline styles.
#include "document/build_document.hpp"
#include "render/html_renderer.hpp"
#include "unit/document/sample_report.hpp"

#include <gtest/gtest.h>

#include <regex>
#include <string>

using namespace pvr;

namespace {

document::Document sample_document() {
    document::DocumentOptions options;
    options.time_zone = "Europe/Paris";
    return document::build_document(test::sample_report(), options);
}

/// The page without any style attribute: what a reader sees does not depend on the variant.
std::string without_style_attributes(const std::string& html) {
    static const std::regex style(R"( style="[^"]*")");
    static const std::regex table_spacing(R"( cellspacing="0" cellpadding="4")");
    return std::regex_replace(std::regex_replace(html, style, ""), table_spacing, "");
}

std::size_t count(const std::string& haystack, const std::string& needle) {
    std::size_t n = 0;
    for (auto pos = haystack.find(needle); pos != std::string::npos; pos = haystack.find(needle, pos + 1)) {
        ++n;
    }
    return n;
}

TEST(HtmlEmail, SameContentAsTheReport) {
    const auto doc = sample_document();
    const std::string page = render::render_html(doc);
    const std::string mail = render::render_html(doc, render::HtmlOptions{.inline_styles = true});
    EXPECT_NE(page, mail);
    EXPECT_EQ(without_style_attributes(page), without_style_attributes(mail));
}

TEST(HtmlEmail, TablesLabelsAndTilesCarryInlineStyles) {
    const auto doc = sample_document();
    const std::string page = render::render_html(doc);
    const std::string mail = render::render_html(doc, render::HtmlOptions{.inline_styles = true});
    EXPECT_EQ(count(page, " style=\"color:"), 0U);
    // Tone colours and alignment are inline; plain cells stay plain (the message stays small).
    const auto matches = [](const std::string& html, const std::string& pattern) {
        const std::regex re(pattern);
        return static_cast<std::size_t>(
            std::distance(std::sregex_iterator(html.begin(), html.end(), re), std::sregex_iterator()));
    };
    const std::size_t critical_cells = matches(page, R"(<td class="[^"]*text-critical[^"]*">)");
    EXPECT_GT(critical_cells, 0U);
    EXPECT_EQ(matches(mail, R"(<td class="[^"]*text-critical[^"]*" style="[^"]*color:#8e1b15;font-weight:bold;">)"),
              critical_cells);
    const std::size_t right_cells = matches(page, R"(<td class="[^"]*align-right[^"]*">)");
    EXPECT_GT(right_cells, 0U);
    EXPECT_EQ(matches(mail, R"(<td class="[^"]*align-right[^"]*" style="text-align:right;)"), right_cells);
    EXPECT_EQ(matches(mail, R"(<td>)"), matches(page, R"(<td>)")) << "plain cells stay plain";
    EXPECT_EQ(count(mail, "<table class=\"data"), count(mail, "cellspacing=\"0\" cellpadding=\"4\""));
    EXPECT_LT(mail.size(), page.size() * 2);
    EXPECT_EQ(count(mail, "<th scope=\"col\""), count(mail, "background:#eceff1;color:#263238;"));
    EXPECT_NE(mail.find("<body style=\"margin:0;background:#ffffff;"), std::string::npos);
    // Every label and tile has its inline look.
    EXPECT_EQ(count(mail, "<span class=\"label tone-"), count(mail, "border-radius:9px;"));
    EXPECT_GT(count(mail, "border-radius:9px;"), 0U);
    EXPECT_EQ(count(mail, "class=\"tile tone-"), count(mail, "display:inline-block;vertical-align:top;"));
    EXPECT_NE(mail.find("background:#8e1b15;border:1px solid #5c100c;color:#ffffff;"), std::string::npos)
        << "critical labels stay inverted";
    EXPECT_EQ(mail.find("<script"), std::string::npos);
}

} // namespace
