// render_pdf(): measure → paginate (page plan) → paint, on a Cairo PDF stream surface.

#include "render/pdf_renderer.hpp"

#include <ctime>
#include <memory>
#include <new>

#include <cairo-pdf.h>
#include <cairo.h>
#include <fmt/format.h>

#include "core/error.hpp"
#include "render/pdf_fonts.hpp"
#include "render/pdf_layout.hpp"
#include "render/pdf_paint.hpp"
#include "render/pdf_text.hpp"

namespace pvr::render {
namespace {

struct SurfaceDeleter {
    void operator()(cairo_surface_t* surface) const { cairo_surface_destroy(surface); }
};
struct ContextDeleter {
    void operator()(cairo_t* cr) const { cairo_destroy(cr); }
};
using SurfacePtr = std::unique_ptr<cairo_surface_t, SurfaceDeleter>;
using ContextPtr = std::unique_ptr<cairo_t, ContextDeleter>;

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) noexcept {
    try {
        static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
        return CAIRO_STATUS_SUCCESS;
    } catch (...) {
        return CAIRO_STATUS_WRITE_ERROR;
    }
}

void check(cairo_status_t status, const char* what) {
    if (status == CAIRO_STATUS_SUCCESS) {
        return;
    }
    const ErrorKind kind = status == CAIRO_STATUS_WRITE_ERROR || status == CAIRO_STATUS_NO_MEMORY ? ErrorKind::output
                                                                                                  : ErrorKind::internal;
    throw Error(kind, fmt::format("Cannot render the PDF report ({}): {}.", what, cairo_status_to_string(status)));
}

/// ISO 8601 in UTC, as Cairo 1.16 expects for CAIRO_PDF_METADATA_CREATE_DATE.
std::string iso_date(std::int64_t epoch) {
    const auto t = static_cast<std::time_t>(epoch);
    std::tm tm{};
    if (gmtime_r(&t, &tm) == nullptr) {
        return {};
    }
    return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
                       tm.tm_min, tm.tm_sec);
}

void set_metadata(cairo_surface_t* surface, const document::Metadata& meta) {
    const auto set = [surface](cairo_pdf_metadata_t key, const std::string& value) {
        if (!value.empty()) {
            cairo_pdf_surface_set_metadata(surface, key, value.c_str());
        }
    };
    set(CAIRO_PDF_METADATA_TITLE, meta.title);
    set(CAIRO_PDF_METADATA_SUBJECT, meta.subject);
    set(CAIRO_PDF_METADATA_AUTHOR, meta.author);
    set(CAIRO_PDF_METADATA_KEYWORDS, meta.keywords);
    set(CAIRO_PDF_METADATA_CREATOR, meta.author.empty() ? std::string("pve-backup-report") : meta.author);
    // Always set, so the same document gives the same bytes (Cairo would stamp "now").
    const std::string date = iso_date(meta.created);
    set(CAIRO_PDF_METADATA_CREATE_DATE, date);
    set(CAIRO_PDF_METADATA_MOD_DATE, date);
}

LayoutSettings make_settings(const PdfOptions& options) {
    LayoutSettings settings;
    if (options.paper == PdfOptions::Paper::letter) {
        settings.portrait = {612.0, 792.0};
    }
    settings.margin_left = options.margin_left;
    settings.margin_right = options.margin_right;
    settings.margin_top = options.margin_top;
    settings.margin_bottom = options.margin_bottom;
    settings.title_block = options.title_block;
    settings.theme.base = options.base_font_size > 0 ? options.base_font_size : 9.0;
    return settings;
}

} // namespace

std::string render_pdf(const document::Document& doc, const PdfOptions& options, PdfRenderInfo& info) {
    ensure_font_family(options.font_family);
    ensure_font_family(options.mono_family);
    const LayoutSettings settings = make_settings(options);

    PdfText text(settings.theme, options.font_family, options.mono_family);
    PangoMeasurer measurer(text);
    const PagePlan plan = paginate(doc, settings, measurer);

    std::string bytes;
    const PageSize first = plan.pages.front().size;
    SurfacePtr surface(cairo_pdf_surface_create_for_stream(append_to_string, &bytes, first.width, first.height));
    check(cairo_surface_status(surface.get()), "creating the PDF surface");
    set_metadata(surface.get(), doc.meta);
    {
        ContextPtr cr(cairo_create(surface.get()));
        check(cairo_status(cr.get()), "creating the drawing context");
        PdfPainter painter(surface.get(), cr.get(), text, settings, doc, plan, options.debug_boxes);
        painter.paint();
        check(cairo_status(cr.get()), "drawing the pages");
    }
    // Write errors only show once the surface is finished.
    cairo_surface_finish(surface.get());
    check(cairo_surface_status(surface.get()), "writing the PDF");
    info.pages = static_cast<int>(plan.pages.size());
    return bytes;
}

std::string render_pdf(const document::Document& doc, const PdfOptions& options) {
    PdfRenderInfo info;
    return render_pdf(doc, options, info);
}

} // namespace pvr::render
