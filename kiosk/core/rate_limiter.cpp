#include "rate_limiter.h"

#include <algorithm>

namespace kiosk {

namespace {
constexpr std::chrono::steady_clock::duration kHour = std::chrono::hours(1);
}

RateLimiter::RateLimiter(std::chrono::steady_clock::duration min_interval, int max_per_hour)
    : min_interval_(std::max(min_interval, std::chrono::steady_clock::duration::zero())),
      max_per_hour_(max_per_hour) {}

RateLimiter RateLimiter::from_config(const PrinterConfig& printer) {
    const auto interval = std::chrono::duration_cast<std::chrono::steady_clock::duration>(
        std::chrono::duration<double>(std::max(0.0, printer.min_seconds_between_slips)));
    return RateLimiter(interval, printer.max_slips_per_hour);
}

std::chrono::steady_clock::duration RateLimiter::wait_time(SteadyTime now) const {
    using D = std::chrono::steady_clock::duration;
    D wait = D::zero();
    if (!recent_.empty()) wait = std::max(wait, recent_.back() + min_interval_ - now);
    if (max_per_hour_ > 0) {
        // Slips older than an hour no longer count; the hourly budget frees up as they age out.
        const auto in_last_hour = std::count_if(recent_.begin(), recent_.end(),
                                                [&](SteadyTime t) { return now - t < kHour; });
        if (in_last_hour >= max_per_hour_) {
            const SteadyTime oldest_counted = recent_[recent_.size() - static_cast<size_t>(max_per_hour_)];
            wait = std::max(wait, oldest_counted + kHour - now);
        }
    }
    return std::max(wait, D::zero());
}

bool RateLimiter::allow(SteadyTime now) const { return wait_time(now) == std::chrono::steady_clock::duration::zero(); }

void RateLimiter::record(SteadyTime now) {
    recent_.push_back(now);
    while (!recent_.empty() && now - recent_.front() >= kHour) recent_.pop_front();
}

}  // namespace kiosk
