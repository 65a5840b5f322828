// The kiosk's end of the control socket (protocol in core/control_protocol.h): a thread accepts
// one client at a time; a screenshot request wakes the frame loop, which hands over the pixels of
// its next frame; the thread encodes the PNG and sends it, so the loop pays only the read-back.
#pragma once

#include "core/unique_fd.h"

#include <SDL.h>

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace kiosk {

struct FramePixels {
    int w = 0, h = 0;
    std::vector<std::uint32_t> argb;  // SDL_PIXELFORMAT_ARGB8888, w*h, no padding
};

class ControlServer {
public:
    // Listens on `socket_path` (mode 0660). `wake_event` is pushed to the SDL queue when the loop
    // must draw a frame for a client; `status_json` answers "status" (called on the server thread).
    ControlServer(std::filesystem::path socket_path, Uint32 wake_event, std::function<std::string()> status_json);
    ~ControlServer();
    ControlServer(const ControlServer&) = delete;
    ControlServer& operator=(const ControlServer&) = delete;

    [[nodiscard]] bool ok() const { return listener_.valid(); }
    [[nodiscard]] const std::string& error() const { return error_; }
    // Frame loop: true when a client waits for a picture; draw a frame and deliver() it.
    [[nodiscard]] bool frame_wanted() const { return frame_wanted_.load(); }
    void deliver(FramePixels frame);
    // Frame loop: true once per "test-print" request; print a test slip and answer with
    // test_print_done() when its result is known (or at once when there is no printer).
    [[nodiscard]] bool take_test_print();
    // Frame loop, before each frame: true while a patient (or staff) uses the touch panel. Then
    // "screenshot-public" (the staff web page's live screen) is refused, so digits being typed never
    // leave the box; "screenshot" (kiosk screenshot, root or the kiosk group) still answers.
    void set_private(bool on) { private_.store(on); }
    void test_print_done(bool ok, std::string result);

private:
    void serve(std::stop_token stop);
    void answer(int client, std::stop_token stop);
    std::string screenshot_png(std::string& error, std::stop_token stop);
    std::string test_print(bool& ok, std::stop_token stop);

    const std::filesystem::path path_;
    const Uint32 wake_event_;
    const std::function<std::string()> status_json_;
    UniqueFd listener_;
    UniqueFd stop_pipe_read_, stop_pipe_write_;
    std::string error_;
    std::atomic<bool> frame_wanted_{false};
    std::mutex mutex_;
    std::condition_variable frame_ready_;
    std::optional<FramePixels> frame_;  // guarded by mutex_
    std::atomic<bool> print_wanted_{false};
    std::atomic<bool> private_{false};
    std::optional<std::pair<bool, std::string>> print_result_;  // guarded by mutex_
    std::jthread thread_;
};

// PNG bytes of a frame (SDL_image), or empty with `error` set.
[[nodiscard]] std::string encode_png(const FramePixels& frame, std::string& error);

}  // namespace kiosk

namespace kiosk {
// The renderer's current back buffer (call after drawing a frame, before presenting it).
[[nodiscard]] FramePixels read_frame(SDL_Renderer* renderer);
}  // namespace kiosk
