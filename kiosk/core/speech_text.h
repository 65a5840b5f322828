// What Read aloud says for a slide: the staff's `say` override when there is one, else the title
// and the text as sentences (no markup, a full stop closing each block so the voice pauses where
// a reader's eye does). Pure, so what a patient hears is tested without a voice.
#pragma once

#include "slide.h"

#include <string>

namespace kiosk {

[[nodiscard]] std::string speech_text(const Slide& slide);

// Words in `text` (runs of non-space), and how long a voice speaking `rate_wpm` words a minute
// takes for them: a plausibility bound for tests and a hint for the log.
[[nodiscard]] int spoken_words(const std::string& text);
[[nodiscard]] double expected_speech_seconds(const std::string& text, int rate_wpm);

}  // namespace kiosk
