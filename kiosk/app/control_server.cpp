#include "control_server.h"

#include "core/control_protocol.h"

#include <SDL_image.h>
#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>

namespace kiosk {

namespace {

using namespace std::chrono_literals;

// A client that never sends its request, or stops reading, must not hold the server forever.
constexpr int kClientTimeoutMs = 3000;
constexpr auto kFrameTimeout = 5s;

bool send_all(int fd, const std::string& data) {
    std::size_t done = 0;
    while (done < data.size()) {
        pollfd p{fd, POLLOUT, 0};
        if (::poll(&p, 1, kClientTimeoutMs) <= 0) return false;
        const ssize_t n = ::send(fd, data.data() + done, data.size() - done, MSG_NOSIGNAL);
        if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
        if (n <= 0) return false;
        done += static_cast<std::size_t>(n);
    }
    return true;
}

std::optional<std::string> read_line(int fd) {
    std::string line;
    char c = 0;
    while (line.size() < control::kMaxRequestLine) {
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, kClientTimeoutMs) <= 0) return std::nullopt;
        const ssize_t n = ::recv(fd, &c, 1, 0);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return line.empty() ? std::nullopt : std::optional(line);
        if (c == '\n') return line;
        line += c;
    }
    return std::nullopt;
}

// SDL_RWops that appends to a std::string, so IMG_SavePNG_RW needs no temporary file.
size_t rw_write(SDL_RWops* rw, const void* data, size_t size, size_t num) {
    auto* out = static_cast<std::string*>(rw->hidden.unknown.data1);
    out->append(static_cast<const char*>(data), size * num);
    return num;
}
int rw_close(SDL_RWops* rw) {
    SDL_FreeRW(rw);
    return 0;
}

}  // namespace

std::string encode_png(const FramePixels& frame, std::string& error) {
    if (frame.argb.empty()) {
        error = "the screen's pixels could not be read back";
        return {};
    }
    SDL_Surface* surface = SDL_CreateRGBSurfaceWithFormatFrom(const_cast<std::uint32_t*>(frame.argb.data()), frame.w,
                                                              frame.h, 32, frame.w * 4, SDL_PIXELFORMAT_ARGB8888);
    if (!surface) {
        error = SDL_GetError();
        return {};
    }
    std::string png;
    SDL_RWops* rw = SDL_AllocRW();
    rw->write = rw_write;
    rw->close = rw_close;
    rw->hidden.unknown.data1 = &png;
    if (IMG_SavePNG_RW(surface, rw, 1) != 0) {
        error = IMG_GetError();
        png.clear();
    }
    SDL_FreeSurface(surface);
    return png;
}

ControlServer::ControlServer(std::filesystem::path socket_path, Uint32 wake_event,
                             std::function<std::string()> status_json)
    : path_(std::move(socket_path)), wake_event_(wake_event), status_json_(std::move(status_json)) {
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    if (path_.string().size() >= sizeof addr.sun_path) {
        error_ = "the socket path is too long: " + path_.string();
        return;
    }
    std::strncpy(addr.sun_path, path_.c_str(), sizeof addr.sun_path - 1);
    UniqueFd fd(::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0));
    // A socket that answers belongs to another running kiosk: leave it alone. One that does not
    // was left by a kiosk that crashed.
    if (const UniqueFd probe(::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0));
        probe && ::connect(probe.get(), reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0) {
        error_ = "another kiosk already answers on " + path_.string();
        return;
    }
    ::unlink(path_.c_str());
    // Owner and group only, from the first moment the socket exists (no window between bind and chmod).
    const mode_t old_mask = ::umask(0117);
    const bool bound = fd && ::bind(fd.get(), reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
    ::umask(old_mask);
    if (!bound || ::listen(fd.get(), 4) != 0) {
        error_ = "cannot listen on " + path_.string() + ": " + std::strerror(errno);
        return;
    }
    int pipe_fds[2];
    if (::pipe2(pipe_fds, O_CLOEXEC) != 0) {
        error_ = std::string("pipe: ") + std::strerror(errno);
        return;
    }
    stop_pipe_read_ = UniqueFd(pipe_fds[0]);
    stop_pipe_write_ = UniqueFd(pipe_fds[1]);
    listener_ = std::move(fd);
    thread_ = std::jthread([this](std::stop_token st) { serve(st); });
}

ControlServer::~ControlServer() {
    if (thread_.joinable()) {
        thread_.request_stop();
        frame_ready_.notify_all();
        const char c = 'x';
        (void)!::write(stop_pipe_write_.get(), &c, 1);
        thread_.join();
    }
    if (listener_) ::unlink(path_.c_str());
}

void ControlServer::deliver(FramePixels frame) {
    {
        std::lock_guard lock(mutex_);
        frame_ = std::move(frame);
        frame_wanted_.store(false);
    }
    frame_ready_.notify_all();
}

void ControlServer::serve(std::stop_token stop) {
    while (!stop.stop_requested()) {
        pollfd p[2] = {{listener_.get(), POLLIN, 0}, {stop_pipe_read_.get(), POLLIN, 0}};
        if (::poll(p, 2, -1) < 0) {
            if (errno == EINTR) continue;
            return;
        }
        if (p[1].revents) return;
        if (!(p[0].revents & POLLIN)) continue;
        const UniqueFd client(::accept4(listener_.get(), nullptr, nullptr, SOCK_CLOEXEC));
        if (client) answer(client.get(), stop);
    }
}

void ControlServer::answer(int client, std::stop_token stop) {
    const auto request = read_line(client);
    if (!request) return;
    std::string req = *request;
    if (!req.empty() && req.back() == '\r') req.pop_back();
    if (req == "screenshot" || req == "screenshot-public") {
        std::string error;
        std::string png = screenshot_png(error, stop);
        // Checked after the frame arrived: the flag was set before that frame was drawn.
        if (req == "screenshot-public" && private_.load()) {
            png.clear();
            error = "a patient is using the touch screen, so its picture is not shown";
        }
        if (png.empty()) {
            (void)send_all(client, control::error_line("no screenshot: " + error));
        } else {
            (void)send_all(client, control::ok_header("image/png", png.size()) + png);
        }
    } else if (req == "test-print") {
        bool ok = false;
        const std::string result = test_print(ok, stop);
        (void)send_all(client,
                       ok ? control::ok_header("text/plain", result.size()) + result : control::error_line(result));
    } else if (req == "status") {
        const std::string json = status_json_();
        (void)send_all(client, control::ok_header("application/json", json.size()) + json);
    } else {
        (void)send_all(client, control::error_line("unknown request '" + req +
                                                   "'; known: screenshot, screenshot-public, status, test-print"));
    }
}

bool ControlServer::take_test_print() {
    return print_wanted_.exchange(false);
}

void ControlServer::test_print_done(bool ok, std::string result) {
    {
        std::lock_guard lock(mutex_);
        print_result_.emplace(ok, std::move(result));
    }
    frame_ready_.notify_all();
}

// The frame loop submits the slip to the print worker (one process owns the printer) and reports
// the job's outcome, which the worker bounds by its own deadline; this waits a little longer.
std::string ControlServer::test_print(bool& ok, std::stop_token stop) {
    std::unique_lock lock(mutex_);
    print_result_.reset();
    print_wanted_.store(true);
    SDL_Event e{};
    e.type = wake_event_;
    SDL_PushEvent(&e);
    if (!frame_ready_.wait_for(lock, std::chrono::seconds(60),
                               [&] { return print_result_.has_value() || stop.stop_requested(); }) ||
        !print_result_) {
        print_wanted_.store(false);
        ok = false;
        return "the printer gave no result within 60 seconds";
    }
    ok = print_result_->first;
    std::string result = std::move(print_result_->second);
    print_result_.reset();
    return result;
}

std::string ControlServer::screenshot_png(std::string& error, std::stop_token stop) {
    std::unique_lock lock(mutex_);
    frame_.reset();
    frame_wanted_.store(true);
    SDL_Event e{};
    e.type = wake_event_;
    SDL_PushEvent(&e);  // thread-safe: wakes the loop from its wait
    if (!frame_ready_.wait_for(lock, kFrameTimeout, [&] { return frame_.has_value() || stop.stop_requested(); }) ||
        !frame_) {
        frame_wanted_.store(false);
        error = "the kiosk drew no frame within 5 seconds";
        return {};
    }
    const FramePixels frame = std::move(*frame_);
    frame_.reset();
    lock.unlock();
    return encode_png(frame, error);
}

}  // namespace kiosk

namespace kiosk {
FramePixels read_frame(SDL_Renderer* renderer) {
    FramePixels f;
    SDL_GetRendererOutputSize(renderer, &f.w, &f.h);
    f.argb.resize(static_cast<std::size_t>(f.w) * static_cast<std::size_t>(f.h));
    if (SDL_RenderReadPixels(renderer, nullptr, SDL_PIXELFORMAT_ARGB8888, f.argb.data(), f.w * 4) != 0) {
        f.argb.clear();
        f.w = f.h = 0;
    }
    return f;
}
}  // namespace kiosk
