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

/// Mails the report when SMTP_URL is set and MAIL_WHEN allows it (logged either way). The HTML
/// and PDF among `written` are sent as they are on disk; a format that was not written is rendered
/// in memory with `doc_options`/`pdf_options` (the attachment then bears the name the PDF file would
/// have). Returns false when the delivery failed (logged without secrets: exit code 7), true when
/// the message was accepted or none was wanted.
[[nodiscard]] bool mail_report(const model::ReportData& data, const config::Config& config,
                               const std::vector<std::filesystem::path>& written,
                               const document::DocumentOptions& doc_options, const render::PdfOptions& pdf_options);

} // namespace pvr::app
