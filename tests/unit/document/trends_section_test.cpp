// The run-history sections: the PBS capacity forecast table and the Trends line charts (axes,
// dates, units, legends) in English, French and German; one sentence with fewer than two runs.

#include "document/build_document.hpp"
#include "document/line_chart.hpp"

#include "unit/document/document_test_support.hpp"
#include "unit/document/history_sample.hpp"

#include <gtest/gtest.h>

using namespace pvr::document;
using pvr::test::blocks_of;
using pvr::test::find_section;
using pvr::test::first_block;

namespace {

const std::string nbsp = "\u00a0";

Document build(const pvr::model::ReportData& data, const std::string& lang = "en") {
    DocumentOptions options;
    options.lang = lang;
    return build_document(data, options);
}

TEST(TrendsSection, AbsentWithoutHistory) {
    const auto doc = build(pvr::test::sample_report());
    EXPECT_EQ(find_section(doc, "trends"), nullptr);
    EXPECT_EQ(find_section(doc, "capacity"), nullptr);
}

TEST(TrendsSection, CapacityAndTrendsComeRightAfterTheSummary) {
    const auto doc = build(pvr::test::with_history(pvr::test::sample_report()));
    ASSERT_GE(doc.sections.size(), 4U);
    EXPECT_EQ(doc.sections[0].anchor, "summary");
    EXPECT_EQ(doc.sections[1].anchor, "capacity");
    EXPECT_EQ(doc.sections[1].title, "PBS capacity forecast");
    EXPECT_FALSE(doc.sections[1].new_page); // on the first page when it fits
    EXPECT_EQ(doc.sections[2].anchor, "trends");
    EXPECT_EQ(doc.sections[2].title, "Trends");
    EXPECT_EQ(doc.sections[3].anchor, "pbs-storages");
}

TEST(TrendsSection, ChartsOf90Runs) {
    const auto doc = build(pvr::test::with_history(pvr::test::sample_report()));
    const auto* section = find_section(doc, "trends");
    ASSERT_NE(section, nullptr);
    const auto charts = blocks_of<LineChart>(*section);
    ASSERT_EQ(charts.size(), 6U); // coverage 30 and 90, problems, anomalies, 2 datastores
    EXPECT_EQ(charts[0]->title, "Coverage, last 30 reports");
    EXPECT_EQ(charts[1]->title, "Coverage, last 90 reports");
    EXPECT_EQ(charts[0]->series.at(0).points.size(), 30U);
    EXPECT_EQ(charts[1]->series.at(0).points.size(), 90U);
    EXPECT_EQ(charts[0]->series[0].points.back().x, pvr::test::k_sample_generated_at);
    // Percent axis: 0..100 every 25, "%" labels.
    EXPECT_EQ(charts[0]->y_title, "Coverage (%)");
    EXPECT_DOUBLE_EQ(charts[0]->y_max, 100.0);
    ASSERT_EQ(charts[0]->y_ticks.size(), 5U);
    EXPECT_EQ(charts[0]->y_ticks[2].label, "50%");
    // Dates on the x axis, within the range, at most about 7.
    for (const auto* chart : charts) {
        EXPECT_GE(chart->x_ticks.size(), 2U) << chart->title;
        EXPECT_LE(chart->x_ticks.size(), 8U) << chart->title;
        for (const auto& tick : chart->x_ticks) {
            EXPECT_GE(tick.value, static_cast<double>(chart->x_min));
            EXPECT_LE(tick.value, static_cast<double>(chart->x_max));
        }
        for (const auto& tick : chart->y_ticks) {
            EXPECT_GE(tick.value, chart->y_min);
            EXPECT_LE(tick.value, chart->y_max);
        }
        for (const auto& series : chart->series) {
            for (const auto& p : series.points) {
                EXPECT_LE(p.y, chart->y_max) << chart->title;
            }
        }
    }
    EXPECT_EQ(charts[0]->x_ticks[0].label.find(nbsp) != std::string::npos, true); // "29 Oct" kept on one line
    // Counts: three series, integer ticks covering the largest value (3).
    EXPECT_EQ(charts[2]->title, "Guests not backed up, failed and overdue backups");
    ASSERT_EQ(charts[2]->series.size(), 3U);
    EXPECT_EQ(charts[2]->series[0].name, "Not backed up");
    EXPECT_EQ(charts[2]->series[1].name, "Failed");
    EXPECT_TRUE(charts[2]->series[1].dashed);
    EXPECT_EQ(charts[2]->series[2].name, "Overdue");
    EXPECT_GE(charts[2]->y_max, 3.0);
    EXPECT_EQ(charts[2]->y_ticks.front().label, "0");
    EXPECT_EQ(charts[3]->title, "Anomalies by severity");
    EXPECT_EQ(charts[3]->series[0].name, "Critical");
    EXPECT_GE(charts[3]->y_max, 6.0);
    // Datastore: used and total in TiB.
    EXPECT_EQ(charts[4]->title, "Datastore store1 on pbs1.example.lan:8007: used and total space");
    EXPECT_EQ(charts[4]->y_title, "Space (TiB)");
    EXPECT_EQ(charts[4]->series[0].name, "Used");
    EXPECT_EQ(charts[4]->series[1].name, "Total");
    EXPECT_DOUBLE_EQ(charts[4]->series[1].points.back().y, 8.0);
    EXPECT_GE(charts[4]->y_max, 8.0);
    EXPECT_NE(charts[4]->y_ticks.back().label.find(nbsp + "TiB"), std::string::npos);
    EXPECT_EQ(charts[5]->series[0].points.size(), 45U); // offsite: read every other day
}

TEST(TrendsSection, FewerThan30RunsShowOneCoverageChart) {
    const auto doc = build(pvr::test::with_history(pvr::test::sample_report(), 20));
    const auto charts = blocks_of<LineChart>(*find_section(doc, "trends"));
    ASSERT_EQ(charts.size(), 6U - 1U);
    EXPECT_EQ(charts[0]->title, "Coverage, last 20 reports");
    EXPECT_EQ(charts[0]->series[0].points.size(), 20U);
}

TEST(TrendsSection, OneRunIsASentenceNotEmptyCharts) {
    for (const char* lang : {"en", "fr", "de"}) {
        const auto doc = build(pvr::test::with_history(pvr::test::sample_report(), 1), lang);
        const auto* section = find_section(doc, "trends");
        ASSERT_NE(section, nullptr);
        EXPECT_TRUE(blocks_of<LineChart>(*section).empty());
        ASSERT_EQ(section->blocks.size(), 1U);
        const auto* sentence = first_block<Paragraph>(*section);
        ASSERT_NE(sentence, nullptr);
        EXPECT_EQ(sentence->tone, Tone::muted);
        EXPECT_NE(sentence->text.find(std::string(lang) == "fr" ? "deuxième"
                                                                : (std::string(lang) == "de" ? "zweiten" : "second")),
                  std::string::npos)
            << sentence->text;
    }
}

TEST(TrendsSection, DatastoreReadOnceIsASentence) {
    auto data = pvr::test::with_history(pvr::test::sample_report(), 5);
    data.trends->datastores[1].points.resize(1);
    const auto doc = build(data);
    const auto* section = find_section(doc, "trends");
    EXPECT_EQ(blocks_of<LineChart>(*section).size(), 4U);
    EXPECT_EQ(blocks_of<Paragraph>(*section).back()->text,
              "Datastore offsite on pbs2.example.lan:8007: its usage was read in fewer than two reports.");
}

TEST(TrendsSection, FrenchAndGermanWords) {
    const auto fr = build(pvr::test::with_history(pvr::test::sample_report()), "fr");
    const auto fr_charts = blocks_of<LineChart>(*find_section(fr, "trends"));
    EXPECT_EQ(find_section(fr, "trends")->title, "Tendances");
    EXPECT_EQ(fr_charts[0]->title, "Couverture, 30 derniers rapports");
    EXPECT_EQ(fr_charts[0]->y_ticks[2].label, "50" + nbsp + "%");
    EXPECT_NE(fr_charts[0]->x_ticks[0].label.find("."), std::string::npos); // "29 oct."
    EXPECT_EQ(fr_charts[4]->y_title, "Espace (Tio)");
    const auto de = build(pvr::test::with_history(pvr::test::sample_report()), "de");
    EXPECT_EQ(find_section(de, "capacity")->title, "PBS-Kapazitätsprognose");
    EXPECT_EQ(blocks_of<LineChart>(*find_section(de, "trends"))[2]->series[2].name, "Überfällig");
}

TEST(CapacitySection, TableWithEveryBasis) {
    const auto doc = build(pvr::test::with_history(pvr::test::sample_report()));
    const auto* section = find_section(doc, "capacity");
    ASSERT_NE(section, nullptr);
    const auto* intro = first_block<Paragraph>(*section);
    ASSERT_NE(intro, nullptr);
    EXPECT_NE(intro->text.find("Fewer than 30 days left is an anomaly"), std::string::npos);
    const auto* table = first_block<Table>(*section);
    ASSERT_NE(table, nullptr);
    ASSERT_EQ(table->columns.size(), 8U);
    EXPECT_EQ(table->columns[4].title, "Full in");
    ASSERT_EQ(table->rows.size(), 5U);
    const auto& fit = table->rows[0];
    EXPECT_EQ(fit[0].text, "store1");
    EXPECT_EQ(fit[1].text, "pbs1.example.lan:8007");
    EXPECT_EQ(fit[3].text, "8.0" + nbsp + "TiB");
    EXPECT_EQ(fit[4].text, "12 days");
    EXPECT_EQ(fit[4].tone, Tone::warning);
    EXPECT_TRUE(fit[4].as_label);
    EXPECT_EQ(fit[5].text, "9 Dec 2026");
    EXPECT_EQ(fit[6].text, "Trend of the last 30 reports");
    EXPECT_EQ(fit[7].text, "+30.0" + nbsp + "GiB/day");
    const auto& pbs = table->rows[1];
    EXPECT_EQ(pbs[4].text, "400 days");
    EXPECT_EQ(pbs[4].tone, Tone::good);
    EXPECT_EQ(pbs[6].text, "PBS estimate");
    EXPECT_EQ(pbs[7].text, "—");
    const auto& flat = table->rows[2];
    EXPECT_EQ(flat[4].text, "—");
    EXPECT_EQ(flat[5].text, "—");
    EXPECT_EQ(flat[6].text, "Not growing");
    EXPECT_EQ(flat[7].text, "-1.0" + nbsp + "GiB/day");
    EXPECT_EQ(table->rows[3][6].text, "Not enough history yet");
    EXPECT_EQ(table->rows[4][4].text, "Now");
    EXPECT_EQ(table->rows[4][4].tone, Tone::critical);
}

TEST(CapacitySection, ThresholdOptionAndFrench) {
    DocumentOptions options;
    options.lang = "fr";
    options.capacity_warn_days = 10;
    const auto doc = build_document(pvr::test::with_history(pvr::test::sample_report()), options);
    const auto* table = first_block<Table>(*find_section(doc, "capacity"));
    EXPECT_EQ(table->rows[0][4].text, "12" + nbsp + "jours");
    EXPECT_EQ(table->rows[0][4].tone, Tone::good); // 12 is not below 10
    EXPECT_EQ(table->rows[0][6].text, "Tendance des 30 derniers rapports");
    EXPECT_NE(first_block<Paragraph>(*find_section(doc, "capacity"))->text.find("Moins de 10 jours"),
              std::string::npos);
}

TEST(LineChartAxes, NiceSteps) {
    EXPECT_DOUBLE_EQ(nice_step(100, 4, false), 25);
    EXPECT_DOUBLE_EQ(nice_step(3, 4, true), 1);
    EXPECT_DOUBLE_EQ(nice_step(7, 4, true), 2);
    EXPECT_DOUBLE_EQ(nice_step(10, 4, true), 5); // never 2.5 for counts
    EXPECT_DOUBLE_EQ(nice_step(8.3, 4, false), 2.5);
    EXPECT_DOUBLE_EQ(nice_step(0.9, 4, false), 0.25);
    EXPECT_DOUBLE_EQ(nice_step(0, 4, true), 1);
    EXPECT_DOUBLE_EQ(nice_step(1200, 4, true), 500);
}

TEST(LineChartAxes, DateTicksAtLocalMidnight) {
    const Translator tr(Lang::en);
    const Formatter fmt(tr, find_time_zone("Europe/Paris"));
    LineChart chart;
    // 2026-10-20 12:00 UTC .. 2026-11-03 12:00 UTC: across the end of summer time (25 Oct).
    chart.series.push_back({"s", Tone::good, false, {{1792497600, 1}, {1793707200, 2}}});
    set_time_axis(chart, fmt);
    ASSERT_GE(chart.x_ticks.size(), 2U);
    EXPECT_EQ(chart.x_ticks[0].label, "21" + nbsp + "Oct");
    for (const auto& tick : chart.x_ticks) {
        EXPECT_EQ(fmt.local_midnight(static_cast<std::int64_t>(tick.value)), static_cast<std::int64_t>(tick.value));
    }
    // Less than a day: one tick at the start.
    LineChart short_chart;
    short_chart.series.push_back({"s", Tone::good, false, {{1792497600, 1}, {1792501200, 2}}});
    set_time_axis(short_chart, fmt);
    EXPECT_EQ(short_chart.x_ticks.size(), 1U);
    EXPECT_GT(short_chart.x_max, short_chart.x_min);
}

} // namespace
