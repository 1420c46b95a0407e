#include "render/html_renderer.hpp"

#include "document/build_document.hpp"
#include "render/html_escape.hpp"
#include "unit/document/sample_report.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <regex>
#include <set>
#include <vector>

using namespace pvr;

namespace {

std::string html_for(const model::ReportData& data, const std::string& lang = "en") {
    document::DocumentOptions options;
    options.lang = lang;
    options.time_zone = "Europe/Paris";
    return render::render_html(document::build_document(data, options));
}

std::size_t count(const std::string& haystack, const std::string& needle) {
    std::size_t n = 0;
    for (auto pos = haystack.find(needle); pos != std::string::npos; pos = haystack.find(needle, pos + 1)) {
        ++n;
    }
    return n;
}

/// Checks that every element is closed in order (void elements and `/>` excepted). Returns the
/// first problem, or "" when the markup is balanced.
std::string check_balanced(const std::string& html) {
    static const std::set<std::string> void_elements = {"meta", "link", "br", "col", "img", "hr", "input", "wbr"};
    std::vector<std::string> stack;
    std::size_t pos = 0;
    while ((pos = html.find('<', pos)) != std::string::npos) {
        if (html.compare(pos, 2, "<!") == 0) {
            pos = html.find('>', pos);
            continue;
        }
        const auto end = html.find('>', pos);
        if (end == std::string::npos) {
            return "unterminated tag at " + std::to_string(pos);
        }
        const bool closing = html[pos + 1] == '/';
        const auto name_start = pos + (closing ? 2 : 1);
        auto name_end = html.find_first_of(" \t\n/>", name_start);
        const std::string name = html.substr(name_start, name_end - name_start);
        if (name.empty() || name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789") != std::string::npos) {
            return "bad tag name '" + name + "' at " + std::to_string(pos);
        }
        if (closing) {
            if (stack.empty() || stack.back() != name) {
                return "unexpected </" + name + "> at " + std::to_string(pos) +
                       (stack.empty() ? std::string() : " (open: " + stack.back() + ")");
            }
            stack.pop_back();
        } else if (html[end - 1] != '/' && void_elements.count(name) == 0) {
            stack.push_back(name);
            if (name == "style") { // raw text: jump to its end
                const auto close = html.find("</style>", end);
                if (close == std::string::npos) {
                    return "unclosed <style>";
                }
                pos = close;
                continue;
            }
        }
        pos = end + 1;
    }
    return stack.empty() ? std::string() : "unclosed <" + stack.back() + ">";
}

TEST(HtmlEscape, EscapesTheFiveCharacters) {
    EXPECT_EQ(render::html_escape("a<b>&\"c'd"), "a&lt;b&gt;&amp;&quot;c&#39;d");
    EXPECT_EQ(render::html_escape("données — ok"), "données — ok");
    EXPECT_EQ(render::html_escape(""), "");
}

TEST(HtmlRenderer, IsACompleteHtml5Document) {
    const auto html = html_for(test::sample_report());
    EXPECT_EQ(html.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0), 0U);
    EXPECT_NE(html.find("<meta charset=\"utf-8\">"), std::string::npos);
    EXPECT_NE(html.find("<title>Backup report — pve-prod</title>"), std::string::npos);
    EXPECT_EQ(count(html, "<style>"), 1U);
    EXPECT_EQ(count(html, "<body>"), 1U);
    EXPECT_NE(html.find("</html>\n"), std::string::npos);
    EXPECT_EQ(html.find("<script"), std::string::npos);
    EXPECT_EQ(check_balanced(html), "");
    const auto fr = html_for(test::sample_report(), "fr");
    EXPECT_EQ(fr.rfind("<!DOCTYPE html>\n<html lang=\"fr\">", 0), 0U);
    EXPECT_NE(fr.find("<h2>Sommaire</h2>"), std::string::npos);
    EXPECT_EQ(check_balanced(fr), "");
    EXPECT_EQ(check_balanced(html_for(test::empty_report())), "");
}

TEST(HtmlRenderer, EscapesGuestNamesNotesAndMessages) {
    const auto html = html_for(test::sample_report());
    EXPECT_NE(html.find("db&lt;&amp;&gt;&quot;&#39;01"), std::string::npos);
    EXPECT_EQ(html.find("db<&>"), std::string::npos);
    EXPECT_NE(html.find("Base &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;"),
              std::string::npos);
    EXPECT_NE(html.find("Job &lt;backup-vmids&gt; names VMID 999."), std::string::npos);
    EXPECT_NE(html.find("Nightly &lt;all&gt; &amp; &quot;more&quot;"), std::string::npos);
    EXPECT_EQ(html.find("<script"), std::string::npos);
}

TEST(HtmlRenderer, MakesNoExternalRequest) {
    for (const auto* lang : {"en", "fr"}) {
        const auto html = html_for(test::sample_report(), lang);
        EXPECT_EQ(html.find("http://"), std::string::npos);
        EXPECT_EQ(html.find("https://"), std::string::npos);
        EXPECT_EQ(html.find("src="), std::string::npos);
        EXPECT_EQ(html.find("url("), std::string::npos);
        EXPECT_EQ(html.find("@import"), std::string::npos);
        EXPECT_EQ(html.find("<link"), std::string::npos);
        EXPECT_EQ(html.find("@font-face"), std::string::npos);
        EXPECT_EQ(html.find("<script"), std::string::npos);
    }
}

TEST(HtmlRenderer, UrlsInNotesStayText) {
    auto data = test::sample_report();
    data.guests[0].guest.notes = "Docs: https://wiki.example.com/web01 <img src=\"http://x/y.png\">";
    const auto html = html_for(data);
    EXPECT_EQ(html.find("<img"), std::string::npos);
    EXPECT_EQ(html.find("src=\""), std::string::npos);
    EXPECT_EQ(html.find("href=\"http"), std::string::npos);
}

TEST(HtmlRenderer, EveryLinkTargetExists) {
    const auto html = html_for(test::sample_report());
    std::set<std::string> ids;
    const std::regex id_re("id=\"([^\"]+)\"");
    for (auto it = std::sregex_iterator(html.begin(), html.end(), id_re); it != std::sregex_iterator(); ++it) {
        EXPECT_TRUE(ids.insert((*it)[1]).second) << "duplicate id " << (*it)[1];
    }
    const std::regex href_re("href=\"([^\"]*)\"");
    std::size_t links = 0;
    for (auto it = std::sregex_iterator(html.begin(), html.end(), href_re); it != std::sregex_iterator(); ++it) {
        const std::string target = (*it)[1];
        ASSERT_FALSE(target.empty());
        ASSERT_EQ(target.front(), '#') << "external link " << target;
        EXPECT_EQ(ids.count(target.substr(1)), 1U) << "no element with id " << target;
        ++links;
    }
    EXPECT_GE(links, 16U); // 10 contents entries and 6 key figures
}

TEST(HtmlRenderer, LinksToMissingAnchorsAreDropped) {
    document::Document doc;
    doc.meta.title = "t";
    document::Section section;
    section.anchor = "only";
    section.title = "Only";
    section.blocks.emplace_back(document::KeyFigures{
        {{"Label", "1", "", document::Tone::good, "nowhere"}, {"Other", "2", "", document::Tone::good, "only"}}});
    doc.sections.push_back(section);
    const auto html = render::render_html(doc);
    EXPECT_EQ(html.find("#nowhere"), std::string::npos);
    EXPECT_NE(html.find("<a href=\"#only\" class=\"tile tone-good\">"), std::string::npos);
    EXPECT_EQ(check_balanced(html), "");
}

TEST(HtmlRenderer, SectionsContentsAndTiles) {
    const auto html = html_for(test::sample_report());
    const std::vector<std::string> anchors = {"summary",     "pbs-storages",     "storage-usage", "retention-policies",
                                              "backup-jobs", "without-backup",   "coverage",      "guest-retention",
                                              "anomalies",   "collection-issues"};
    std::size_t last = 0;
    for (const auto& anchor : anchors) {
        const auto pos = html.find("<section id=\"" + anchor + "\"");
        ASSERT_NE(pos, std::string::npos) << anchor;
        EXPECT_GT(pos, last) << anchor << " is out of order";
        last = pos;
        EXPECT_NE(html.find("<li><a href=\"#" + anchor + "\">"), std::string::npos) << anchor;
    }
    EXPECT_NE(html.find("<section id=\"coverage\" class=\"section new-page landscape\">"), std::string::npos);
    EXPECT_NE(html.find("<a href=\"#without-backup\" class=\"tile tone-critical\"><span class=\"tile-value\">1</span>"
                        "<span class=\"tile-label\">Not backed up</span>"),
              std::string::npos);
    EXPECT_NE(html.find("<h2>VM/CT coverage</h2>"), std::string::npos);
}

TEST(HtmlRenderer, StatusLabelsCarryTheirText) {
    const auto html = html_for(test::sample_report());
    EXPECT_NE(html.find("<span class=\"label tone-good\">Backup scheduled</span>"), std::string::npos);
    EXPECT_NE(html.find("<span class=\"label tone-critical\">Not backed up</span>"), std::string::npos);
    EXPECT_NE(html.find("<span class=\"label tone-warning\">Undetermined</span>"), std::string::npos);
    const auto fr = html_for(test::sample_report(), "fr");
    EXPECT_NE(fr.find("<span class=\"label tone-good\">Sauvegarde planifiée</span>"), std::string::npos);
    EXPECT_NE(fr.find("<span class=\"label tone-critical\">Non sauvegardée</span>"), std::string::npos);
    EXPECT_NE(fr.find("<span class=\"label tone-warning\">Indéterminé</span>"), std::string::npos);
}

TEST(HtmlRenderer, TablesHaveHeadersAndCharts) {
    const auto html = html_for(test::sample_report());
    EXPECT_EQ(count(html, "<table"), count(html, "</table>"));
    EXPECT_EQ(count(html, "<thead>"), count(html, "<table") - 1); // the summary facts table has no header
    EXPECT_NE(html.find("<th scope=\"col\" class=\"align-right\">VMID</th>"), std::string::npos);
    EXPECT_EQ(count(html, "<svg"), 2U); // coverage donut and storage usage bars
    EXPECT_EQ(count(html, "</svg>"), 2U);
    EXPECT_EQ(count(html, "stroke-dasharray=\"3 2\""), 2U); // 80 % and 90 % marks on one bar
    EXPECT_NE(html.find(">50.0%</text>"), std::string::npos);
}

TEST(HtmlRenderer, TenThousandGuests) {
    const auto data = test::many_guests(10000);
    const auto start = std::chrono::steady_clock::now();
    const auto html = html_for(data);
    const auto elapsed = std::chrono::steady_clock::now() - start;
    // Every guest is a row of the coverage table (plus its header row).
    EXPECT_EQ(count(html, "<tr>") - count(html_for(test::many_guests(0)), "<tr>"), 10000U + 1U);
    EXPECT_LT(html.size(), 8U * 1024 * 1024);
    EXPECT_LT(std::chrono::duration_cast<std::chrono::seconds>(elapsed).count(), 20);
    EXPECT_EQ(check_balanced(html), "");
}

} // namespace
