#pragma once
// Internal to build_document: the shared context and one builder per section.

#include "document/build_document.hpp"
#include "document/document.hpp"
#include "document/format.hpp"
#include "document/translations.hpp"
#include "model/report_data.hpp"

#include <optional>
#include <string>
#include <vector>

namespace pvr::document {

struct BuildContext {
    const model::ReportData& data;
    const DocumentOptions& options;
    Translator tr;
    Formatter fmt;

    [[nodiscard]] std::string text(Msg id) const { return std::string(tr.text(id)); }
};

// Block helpers.
[[nodiscard]] Section make_section(const BuildContext& ctx, const char* anchor, Msg title);
[[nodiscard]] Paragraph muted(std::string text);
[[nodiscard]] Column column(std::string title, double weight, Align align = Align::left, bool nowrap = false);
[[nodiscard]] Cell text_cell(std::string text);
[[nodiscard]] Cell mono_cell(std::string text);
[[nodiscard]] Cell label_cell(std::string text, Tone tone);
[[nodiscard]] Cell none_cell(); // "—", muted

// Shared wording.
[[nodiscard]] std::string cluster_display_name(const BuildContext& ctx);
[[nodiscard]] Cell coverage_status_cell(const BuildContext& ctx, model::CoverageStatus status);
[[nodiscard]] Tone coverage_status_tone(model::CoverageStatus status);
[[nodiscard]] Cell severity_cell(const BuildContext& ctx, model::Severity severity);
[[nodiscard]] std::string guest_type_text(const BuildContext& ctx, const model::Guest& guest);
[[nodiscard]] std::string guest_name(const model::Guest& guest);
[[nodiscard]] std::string keep_text(const BuildContext& ctx, const model::KeepOptions& keep);
[[nodiscard]] std::string namespace_text(const BuildContext& ctx, const std::string& ns);
[[nodiscard]] std::string selection_text(const BuildContext& ctx, const model::BackupJob& job);
[[nodiscard]] std::string anomaly_kind_text(const BuildContext& ctx, const std::string& kind);
/// A retention policy's source ("pve-job", "pbs-prune-job", ...) in the report language; an
/// unknown one as it is.
[[nodiscard]] std::string policy_source_text(const BuildContext& ctx, const std::string& source);
[[nodiscard]] std::string vmid_list_text(const std::vector<std::int64_t>& vmids);

// Blocks shown inside a section.
/// "Changes since <date>" (summary): nothing when ReportData::changes is unset.
[[nodiscard]] std::vector<Block> changes_blocks(const BuildContext& ctx);

// Sections.
[[nodiscard]] Section summary_section(const BuildContext& ctx);
[[nodiscard]] Section pbs_storages_section(const BuildContext& ctx);
[[nodiscard]] Section storage_usage_section(const BuildContext& ctx);
[[nodiscard]] Section retention_policies_section(const BuildContext& ctx);
[[nodiscard]] Section backup_jobs_section(const BuildContext& ctx);
[[nodiscard]] Section without_backup_section(const BuildContext& ctx);
[[nodiscard]] Section coverage_section(const BuildContext& ctx);
[[nodiscard]] Section guest_retention_section(const BuildContext& ctx);
[[nodiscard]] Section anomalies_section(const BuildContext& ctx);
[[nodiscard]] Section exceptions_section(const BuildContext& ctx);
[[nodiscard]] Section collection_issues_section(const BuildContext& ctx);
/// The archive's hash-chain note (this run's record and its SHA-256, the previous one), for the
/// last page; nullopt when the run wrote no archive record.
[[nodiscard]] std::optional<Paragraph> archive_note(const BuildContext& ctx);
// Run history (issue 11): nullopt when there is nothing to show (no history read, no forecast).
[[nodiscard]] std::optional<Section> capacity_section(const BuildContext& ctx);
[[nodiscard]] std::optional<Section> trends_section(const BuildContext& ctx);

} // namespace pvr::document
