// One slide as staff wrote it in slides/NNN-name.md, after parsing and validation.
#pragma once

#include "diagnostic.h"
#include "picture.h"
#include "rich_text.h"
#include "show_window.h"
#include "slide_layout.h"

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace kiosk {

enum class ImageFormat { Png, Jpeg, Svg };

struct SlideImage {
    std::filesystem::path path;  // absolute, checked to be inside the slides folder
    ImageFormat format = ImageFormat::Png;
    int width = 0, height = 0;   // from the file's header (SVG: its width/height or viewBox)
    std::string digest;          // of the file's bytes as read (picture_digest)
    // The picture decoded at the size it is shown, read once by the loader: the screen draws only
    // this, never the file. Null when no decoder ran (`kiosk check` without SDL, core tests).
    std::shared_ptr<const Picture> pixels;
};

struct Slide {
    std::string file_name;        // "020-massage.md": the key that survives edits
    std::filesystem::path source; // full path
    std::string title;            // the first heading (or first line) of the text
    RichText body;                // everything after the title
    std::optional<SlideImage> image;
    SlideLayoutKind layout = SlideLayoutKind::ImageRight;
    std::chrono::milliseconds duration{0};
    bool duration_from_reading_time = true;
    ShowWindow show;
    // Shows the clinic's number (from kiosk.toml) and a tel: QR code in place of the picture: set by
    // `call_to_action = true`, and by the deck for its last slide (the article ends "call ... today")
    // when that slide has no picture and does not say `call_to_action = false`.
    bool call_to_action = false;
    bool call_to_action_declined = false;
    // The deck's last slide gets the call to action unless it declines or has a picture of its own
    // (staff who put a picture there see it, never a QR code in its place).
    [[nodiscard]] bool takes_call_to_action_when_last() const { return !call_to_action_declined && !image; }
    std::string say;               // Read aloud speaks this instead of title + text when set
    Diagnostics warnings;          // usable but worth telling staff about
    std::string content_hash;      // changes whenever the file or its image changes
};

}  // namespace kiosk
