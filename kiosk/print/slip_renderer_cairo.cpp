#include "slip_renderer_cairo.h"

#include "core/escpos.h"
#include "core/qr_code.h"

#include <cairo-pdf.h>
#include <cairo.h>

#include <algorithm>
#include <cmath>
#include <memory>

namespace kiosk {

namespace {

struct SurfaceDeleter {
    void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct ContextDeleter {
    void operator()(cairo_t* c) const { cairo_destroy(c); }
};
using SurfacePtr = std::unique_ptr<cairo_surface_t, SurfaceDeleter>;
using ContextPtr = std::unique_ptr<cairo_t, ContextDeleter>;

// Everything is laid out in millimetres; the surface's scale turns them into points or pixels.
constexpr double kPointsPerMm = 72.0 / 25.4;
constexpr double kMarginMm = 3.0;
constexpr double kTopMm = 4.0;
constexpr double kBottomMm = 6.0;
constexpr double kNormalMm = 3.4;   // about 9.6 pt: the size of a receipt printer's normal font
constexpr double kLargeMm = 5.2;
constexpr double kLargeNarrowMm = 4.2;  // on 58 mm paper, so the phone number stays clearly bigger
constexpr double kHugeMaxMm = 13.0; // the phone number: fitted to the width, up to this
constexpr double kLineFactor = 1.3;
// A fixed family so previews and CUPS output look the same on every box; DejaVu Sans has every
// Latin letter and the euro sign.
constexpr const char* kFontFamily = "DejaVu Sans";

double font_size_mm(cairo_t* cr, const SlipText& t, double avail) {
    const double large = avail < 60 ? kLargeNarrowMm : kLargeMm;
    switch (t.size) {
        case TextSize::Normal: return kNormalMm;
        case TextSize::Large: return large;
        case TextSize::Huge: {
            cairo_set_font_size(cr, 10.0);
            cairo_text_extents_t e{};
            cairo_text_extents(cr, t.text.c_str(), &e);
            if (e.x_advance <= 0) return kHugeMaxMm;
            // Shrinks below the heading size rather than wrap: a number split over two lines gets misdialled.
            return std::clamp(10.0 * avail / e.x_advance * 0.98, kNormalMm, kHugeMaxMm);
        }
    }
    return kNormalMm;
}

double advance(cairo_t* cr, const SecretString& s) {
    cairo_text_extents_t e{};
    cairo_text_extents(cr, s.c_str(), &e);
    return e.x_advance;
}

// Wiping storage throughout: the text may be a patient's name.
SecretVector<SecretString> wrap(cairo_t* cr, const std::string& text, double avail) {
    SecretVector<SecretString> lines;
    SecretString line;
    size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && text[i] == ' ') ++i;
        size_t j = i;
        while (j < text.size() && text[j] != ' ') ++j;
        if (j == i) break;
        const SecretString word(std::string_view(text).substr(i, j - i));
        SecretString candidate = line;
        if (!candidate.empty()) candidate += ' ';
        candidate += word;
        if (!line.empty() && advance(cr, candidate) > avail) {
            lines.push_back(line);
            line = word;
        } else {
            line = std::move(candidate);
        }
        i = j;
    }
    if (!line.empty()) lines.push_back(line);
    return lines;
}

// Snaps a length/position in mm to whole device pixels (a no-op in effect for PDF).
double snap_x(cairo_t* cr, double x_mm) {
    double x = x_mm, y = 0;
    cairo_user_to_device(cr, &x, &y);
    x = std::round(x);
    cairo_device_to_user(cr, &x, &y);
    return x;
}
double snap_y(cairo_t* cr, double y_mm) {
    double x = 0, y = y_mm;
    cairo_user_to_device(cr, &x, &y);
    y = std::round(y);
    cairo_device_to_user(cr, &x, &y);
    return y;
}

// The side margin that leaves the printer's print area (print_width_dots at 8 dots/mm) in the middle.
double margin_mm(const SlipLayout& slip) {
    const int dots = slip.print_width_dots > 0 ? slip.print_width_dots : printable_dots(slip.paper_width_mm);
    const double print_mm = dots / 8.0;
    return std::max(kMarginMm, (slip.paper_width_mm - print_mm) / 2);
}

double draw_text(cairo_t* cr, const SlipText& t, double width, double margin, double y, bool paint) {
    const double avail = width - 2 * margin;
    cairo_select_font_face(cr, kFontFamily, CAIRO_FONT_SLANT_NORMAL,
                           t.bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    const double size = font_size_mm(cr, t, avail);
    cairo_set_font_size(cr, size);
    cairo_font_extents_t fe{};
    cairo_font_extents(cr, &fe);
    const double line_height = std::max(fe.height, size * kLineFactor);
    for (const SecretString& line : wrap(cr, t.text, avail)) {
        if (paint) {
            const double w = advance(cr, line);
            const double x = t.align == Align::Left     ? margin
                             : t.align == Align::Right  ? width - margin - w
                                                        : (width - w) / 2;
            cairo_move_to(cr, x, y + fe.ascent);
            cairo_show_text(cr, line.c_str());
        }
        y += line_height;
    }
    return y;
}

double draw_qr(cairo_t* cr, const SlipQr& q, int print_width_dots, double width, double y, bool paint) {
    const QrMatrix qr = make_qr(q.payload);
    if (qr.empty()) return y;
    // The same module size a thermal printer uses (6 or 8 dots at 8 dots/mm).
    const double module = qr_module_dots_for(print_width_dots) / 8.0;
    const double side = (qr.size + 2 * kQrQuietZone) * module;
    if (paint) {
        const double x0 = snap_x(cr, (width - qr.size * module) / 2);
        const double y0 = snap_y(cr, y + kQrQuietZone * module);
        cairo_save(cr);
        cairo_set_antialias(cr, CAIRO_ANTIALIAS_NONE);
        for (int my = 0; my < qr.size; ++my) {
            // Horizontal runs, so neighbouring modules never show hairline seams when rasterised.
            for (int mx = 0; mx < qr.size;) {
                if (!qr.dark(mx, my)) {
                    ++mx;
                    continue;
                }
                int end = mx;
                while (end < qr.size && qr.dark(end, my)) ++end;
                cairo_rectangle(cr, x0 + mx * module, y0 + my * module, (end - mx) * module, module);
                mx = end;
            }
        }
        cairo_fill(cr);
        cairo_restore(cr);
    }
    return y + side;
}

double draw_rule(cairo_t* cr, double width, double margin, double y, bool paint) {
    const double gap = 1.5;
    if (paint) {
        cairo_set_line_width(cr, 0.3);
        cairo_move_to(cr, margin, y + gap);
        cairo_line_to(cr, width - margin, y + gap);
        cairo_stroke(cr);
    }
    return y + 2 * gap;
}

// Lays the slip out from the top; draws when `paint`, and returns the height used either way.
double lay_out(cairo_t* cr, const SlipLayout& slip, bool paint) {
    const auto width = static_cast<double>(slip.paper_width_mm);
    const double margin = margin_mm(slip);
    cairo_font_options_t* fo = cairo_font_options_create();
    // Unhinted metrics: the measuring pass and the drawing pass wrap lines identically.
    cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
    cairo_set_font_options(cr, fo);
    cairo_font_options_destroy(fo);
    cairo_set_source_rgb(cr, 0, 0, 0);
    double y = kTopMm;
    for (const SlipElement& e : slip.elements) {
        if (const auto* t = std::get_if<SlipText>(&e)) {
            y = draw_text(cr, *t, width, margin, y, paint);
        } else if (const auto* q = std::get_if<SlipQr>(&e)) {
            y = draw_qr(cr, *q, slip.print_width_dots > 0 ? slip.print_width_dots : printable_dots(slip.paper_width_mm),
                        width, y, paint);
        } else if (std::holds_alternative<SlipRule>(e)) {
            y = draw_rule(cr, width, margin, y, paint);
        } else if (const auto* f = std::get_if<SlipFeed>(&e)) {
            y += f->lines * kNormalMm * kLineFactor * 0.6;
        }
    }
    return y + kBottomMm;
}

double measure_height_mm(const SlipLayout& slip) {
    const SurfacePtr surface(cairo_recording_surface_create(CAIRO_CONTENT_COLOR, nullptr));
    const ContextPtr cr(cairo_create(surface.get()));
    return lay_out(cr.get(), slip, false);
}

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<SecretString*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

std::string cairo_error(cairo_status_t s) { return cairo_status_to_string(s); }

}  // namespace

double slip_length_mm(const SlipLayout& slip) { return measure_height_mm(slip); }

std::optional<SecretString> render_slip_pdf(const SlipLayout& slip) {
    const double height = measure_height_mm(slip);
    SecretString pdf;
    {
        const SurfacePtr surface(cairo_pdf_surface_create_for_stream(
            append_to_string, &pdf, slip.paper_width_mm * kPointsPerMm, height * kPointsPerMm));
        const ContextPtr cr(cairo_create(surface.get()));
        cairo_scale(cr.get(), kPointsPerMm, kPointsPerMm);
        lay_out(cr.get(), slip, true);
        cairo_show_page(cr.get());
        cairo_surface_finish(surface.get());
        if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) return std::nullopt;
    }
    return pdf;
}

RenderResult write_slip_pdf(const SlipLayout& slip, const std::filesystem::path& file) {
    const double height = measure_height_mm(slip);
    const SurfacePtr surface(
        cairo_pdf_surface_create(file.c_str(), slip.paper_width_mm * kPointsPerMm, height * kPointsPerMm));
    const ContextPtr cr(cairo_create(surface.get()));
    cairo_scale(cr.get(), kPointsPerMm, kPointsPerMm);
    lay_out(cr.get(), slip, true);
    cairo_show_page(cr.get());
    cairo_surface_finish(surface.get());
    if (const cairo_status_t s = cairo_surface_status(surface.get()); s != CAIRO_STATUS_SUCCESS) {
        return {"cannot write " + file.string() + ": " + cairo_error(s)};
    }
    return {};
}

RenderResult write_slip_png(const SlipLayout& slip, const std::filesystem::path& file, double pixels_per_mm) {
    const double height = measure_height_mm(slip);
    const int w = static_cast<int>(std::lround(slip.paper_width_mm * pixels_per_mm));
    const int h = static_cast<int>(std::ceil(height * pixels_per_mm));
    const SurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h));
    const ContextPtr cr(cairo_create(surface.get()));
    cairo_set_source_rgb(cr.get(), 1, 1, 1);
    cairo_paint(cr.get());
    cairo_scale(cr.get(), pixels_per_mm, pixels_per_mm);
    lay_out(cr.get(), slip, true);
    cairo_surface_flush(surface.get());
    if (const cairo_status_t s = cairo_surface_status(surface.get()); s != CAIRO_STATUS_SUCCESS) {
        return {"cannot draw the slip: " + cairo_error(s)};
    }
    if (const cairo_status_t s = cairo_surface_write_to_png(surface.get(), file.c_str()); s != CAIRO_STATUS_SUCCESS) {
        return {"cannot write " + file.string() + ": " + cairo_error(s)};
    }
    return {};
}

RenderResult write_slip_preview(const SlipLayout& slip, const std::filesystem::path& file) {
    std::string ext = file.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (ext == ".png") return write_slip_png(slip, file);
    if (ext == ".pdf") return write_slip_pdf(slip, file);
    return {"the preview file must end in .png or .pdf: " + file.string()};
}

}  // namespace kiosk
