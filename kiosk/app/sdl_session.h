// Process-wide SDL initialisation as an RAII object: SDL (with or without video), SDL_image and
// SDL_ttf are shut down in reverse order however the program leaves its scope.
#pragma once

#include <string>

namespace kiosk {

class SdlSession {
public:
    // `video` false initialises only what rendering to a surface needs (no display required).
    explicit SdlSession(bool video);
    ~SdlSession();
    SdlSession(const SdlSession&) = delete;
    SdlSession& operator=(const SdlSession&) = delete;

    [[nodiscard]] bool ok() const { return ok_; }
    [[nodiscard]] const std::string& error() const { return error_; }

private:
    bool ok_ = false;
    bool video_ = false;
    std::string error_;
};

}  // namespace kiosk
