#include "status_writer.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace kiosk {

std::string write_atomically(const std::filesystem::path& file, const std::string& text) {
    const std::filesystem::path temp = file.parent_path() / ("." + file.filename().string() + ".tmp");
    // 0644: status and metrics hold no personal data, and monitoring runs as another user.
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return "cannot write " + temp.string() + ": " + std::strerror(errno);
    std::size_t done = 0;
    while (done < text.size()) {
        const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            const std::string why = std::strerror(errno);
            ::close(fd);
            ::unlink(temp.c_str());
            return "cannot write " + temp.string() + ": " + why;
        }
        done += static_cast<std::size_t>(n);
    }
    ::close(fd);
    if (std::rename(temp.c_str(), file.c_str()) != 0) {
        const std::string why = std::strerror(errno);
        ::unlink(temp.c_str());
        return "cannot replace " + file.string() + ": " + why;
    }
    return {};
}

StatusWriter::StatusWriter(std::filesystem::path state_dir, std::filesystem::path prometheus_dir)
    : state_dir_(std::move(state_dir)), prometheus_dir_(std::move(prometheus_dir)) {
    thread_ = std::jthread([this](std::stop_token st) { worker(st); });
}

StatusWriter::~StatusWriter() {
    thread_.request_stop();
    wake_.notify_all();
    thread_.join();
}

void StatusWriter::publish(KioskStatus status) {
    std::string json = to_json(status);
    {
        std::lock_guard lock(mutex_);
        pending_ = std::move(status);
        latest_json_ = std::move(json);
    }
    wake_.notify_all();
}

std::string StatusWriter::latest_json() const {
    std::lock_guard lock(mutex_);
    return latest_json_;
}

std::string StatusWriter::problem() const {
    std::lock_guard lock(mutex_);
    return problem_;
}

void StatusWriter::worker(std::stop_token stop) {
    std::unique_lock lock(mutex_);
    while (true) {
        wake_.wait(lock, stop, [&] { return pending_.has_value(); });
        if (!pending_) {
            if (stop.stop_requested()) return;
            continue;
        }
        const KioskStatus s = std::move(*pending_);
        pending_.reset();
        const std::string json = latest_json_;
        lock.unlock();
        std::string problem = write_atomically(status_file(), json);
        if (!prometheus_dir_.empty()) {
            const std::string p = write_atomically(prometheus_dir_ / "kiosk.prom", to_prometheus(s));
            if (!p.empty()) problem += (problem.empty() ? "" : "; ") + p;
        }
        lock.lock();
        problem_ = std::move(problem);
        if (stop.stop_requested() && !pending_) return;
    }
}

}  // namespace kiosk
