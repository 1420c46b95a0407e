#include "app/mail_outlet.hpp"

#include "app/output.hpp"
#include "mail/message.hpp"
#include "mail/smtp_sender.hpp"
#include "render/html_renderer.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <fstream>
#include <optional>
#include <random>
#include <sstream>

namespace pvr::app {
namespace {

std::optional<std::string> read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return std::nullopt;
    }
    std::ostringstream content;
    content << in.rdbuf();
    if (!in.good() && !in.eof()) {
        return std::nullopt;
    }
    return content.str();
}

const std::filesystem::path* find_written(const std::vector<std::filesystem::path>& written, std::string_view ext) {
    for (const auto& path : written) {
        if (path.extension() == ext) {
            return &path;
        }
    }
    return nullptr;
}

std::string random_token() {
    std::random_device random;
    std::uniform_int_distribution<unsigned> hex(0, 15);
    std::string token;
    for (int i = 0; i < 16; ++i) {
        token += "0123456789abcdef"[hex(random)];
    }
    return token;
}

std::string recipients(const config::MailConfig& mail) {
    std::string out;
    for (const auto& to : mail.to) {
        out += (out.empty() ? "" : ", ") + to.address;
    }
    return out;
}

} // namespace

bool mail_report(const model::ReportData& data, const config::Config& config,
                 const std::vector<std::filesystem::path>& written, const document::DocumentOptions& doc_options,
                 const render::PdfOptions& pdf_options) {
    const config::MailConfig& mail = config.mail;
    if (!mail.enabled()) {
        return true;
    }
    if (!mail::should_send(data.verdict, mail.when)) {
        spdlog::info("e-mail not sent: the verdict is {} and MAIL_WHEN=problems", model::to_string(data.verdict.level));
        return true;
    }
    const auto start = std::chrono::steady_clock::now();
    std::optional<document::Document> doc;
    const auto document = [&]() -> const document::Document& {
        if (!doc) {
            doc = document::build_document(data, doc_options);
        }
        return *doc;
    };

    mail::ComposeInputs inputs;
    inputs.lang = doc_options.lang;
    inputs.time_zone = doc_options.time_zone;
    // The e-mail variant of the HTML report: the same page with inline styles as well.
    inputs.html = render::render_html(document(), render::HtmlOptions{.inline_styles = true});
    const auto* pdf_path = find_written(written, ".pdf");
    std::optional<std::string> pdf = pdf_path ? read_file(*pdf_path) : std::nullopt;
    inputs.pdf = pdf ? std::move(*pdf) : render::render_pdf(document(), pdf_options);
    inputs.pdf_name = pdf_path ? pdf_path->filename().string()
                               : report_file_name(data.cluster.name.value_or("standalone"), data.generated_at, "pdf");
    inputs.sent_at =
        std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
    inputs.unique = random_token();
    const mail::Message message = mail::compose_message(data, mail, inputs);

    if (const auto failure = mail::send_message(message, mail)) {
        spdlog::error("e-mail not delivered: {} (the report files are written)", *failure);
        return false;
    }
    spdlog::info("e-mail sent to {} via {}: \"{}\" ({} KiB, {:.2f} s)", recipients(mail), mail.smtp_url,
                 message.subject, (message.html.size() + message.text.size() + message.attachment.size()) / 1024,
                 std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    return true;
}

} // namespace pvr::app
