#pragma once
// The e-mail outlet: after every report file is written, one message with the verdict in the
// subject, the HTML report as body (plain-text summary as alternative) and the PDF attached.

#include "config/config.hpp"
#include "document/build_document.hpp"
#include "model/report_data.hpp"
#include "render/pdf_renderer.hpp"

#include <filesystem>
#include <vector>

namespace pvr::app {

/// Mails the report when SMTP_URL is set and MAIL_WHEN allows it (logged either way). The PDF
/// among `written` is attached as it is on disk; when none was written, it is rendered in memory
/// with `doc_options`/`pdf_options` and bears the name its file would have. The body is the HTML
/// report's e-mail variant (render::HtmlOptions::inline_styles), rendered in memory. Returns false when the delivery
/// failed (logged without secrets: exit code 7), true when the message was accepted or none was wanted.
[[nodiscard]] bool mail_report(const model::ReportData& data, const config::Config& config,
                               const std::vector<std::filesystem::path>& written,
                               const document::DocumentOptions& doc_options, const render::PdfOptions& pdf_options);

} // namespace pvr::app
