// A directory under /tmp that is removed with everything in it when the test ends.
#pragma once

#include <filesystem>
#include <string>

namespace kiosk::test {

class TempDir {
public:
    explicit TempDir(const std::string& prefix = "kiosk-test");
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    [[nodiscard]] const std::filesystem::path& path() const { return path_; }
    // Writes `content` to path()/relative (creating folders) and returns the full path.
    std::filesystem::path write(const std::string& relative, const std::string& content) const;

private:
    std::filesystem::path path_;
};

std::string read_file(const std::filesystem::path& file);

}  // namespace kiosk::test
