#include "http_client.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <cstdio>

namespace kiosk::test {

std::string HttpReply::header(const std::string& name) const {
    const auto it = headers.find(name);
    return it == headers.end() ? std::string() : it->second;
}

HttpReply send_raw(int port, const std::string& raw, std::chrono::milliseconds timeout, const std::string& source) {
    HttpReply reply;
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return reply;
    sockaddr_in from{};
    from.sin_family = AF_INET;
    inet_pton(AF_INET, source.c_str(), &from.sin_addr);
    ::bind(fd, reinterpret_cast<sockaddr*>(&from), sizeof from);
    sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_port = htons(static_cast<std::uint16_t>(port));
    inet_pton(AF_INET, "127.0.0.1", &to.sin_addr);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&to), sizeof to) != 0) {
        ::close(fd);
        return reply;
    }
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    std::size_t sent = 0;
    std::string in;
    bool done_writing = false;
    while (std::chrono::steady_clock::now() < deadline) {
        pollfd p{fd, static_cast<short>(POLLIN | (done_writing ? 0 : POLLOUT)), 0};
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (::poll(&p, 1, static_cast<int>(std::max<long long>(1, left.count()))) <= 0) continue;
        if (p.revents & POLLIN) {
            char buf[16384];
            const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
            if (n <= 0) break;  // closed (or reset): the answer so far is all there is
            in.append(buf, static_cast<std::size_t>(n));
        } else if (p.revents & (POLLHUP | POLLERR)) {
            break;
        } else if (!done_writing && (p.revents & POLLOUT)) {
            const ssize_t n = ::send(fd, raw.data() + sent, raw.size() - sent, MSG_NOSIGNAL);
            if (n <= 0) {
                done_writing = true;  // the server stopped reading (it may have answered already)
            } else {
                sent += static_cast<std::size_t>(n);
                done_writing = sent == raw.size();
            }
        }
    }
    ::close(fd);
    const auto head_end = in.find("\r\n\r\n");
    if (in.rfind("HTTP/1.", 0) != 0 || head_end == std::string::npos) return reply;
    reply.status = std::atoi(in.c_str() + 9);
    std::size_t line = in.find("\r\n") + 2;
    while (line < head_end) {
        const std::size_t eol = in.find("\r\n", line);
        const std::string h = in.substr(line, eol - line);
        const auto colon = h.find(':');
        if (colon != std::string::npos) {
            std::string name = h.substr(0, colon);
            for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            std::string value = h.substr(colon + 1);
            while (!value.empty() && value.front() == ' ') value.erase(0, 1);
            reply.headers.emplace(name, value);
        }
        line = eol + 2;
    }
    reply.body = in.substr(head_end + 4);
    return reply;
}

HttpReply http(int port, const HttpCall& call) {
    std::string raw = call.method + " " + call.path + " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) +
                      "\r\nConnection: close\r\n";
    if (!call.cookie.empty()) raw += "Cookie: kiosk_session=" + call.cookie + "\r\n";
    if (call.origin == "same")
        raw += "Origin: http://127.0.0.1:" + std::to_string(port) + "\r\n";
    else if (!call.origin.empty())
        raw += "Origin: " + call.origin + "\r\n";
    for (const auto& [name, value] : call.headers) raw += name + ": " + value + "\r\n";
    if (call.method == "POST") {
        raw +=
            "Content-Type: " + call.content_type + "\r\nContent-Length: " + std::to_string(call.body.size()) + "\r\n";
    }
    raw += "\r\n" + call.body;
    return send_raw(port, raw, std::chrono::seconds(20), call.source);
}

std::string form_encode(const std::map<std::string, std::string>& fields) {
    std::string out;
    for (const auto& [k, v] : fields) {
        if (!out.empty()) out += '&';
        for (const std::string* s : {&k, &v}) {
            for (const unsigned char c : *s) {
                if (std::isalnum(c) || c == '-' || c == '_' || c == '.') {
                    out += static_cast<char>(c);
                } else {
                    char buf[4];
                    std::snprintf(buf, sizeof buf, "%%%02X", c);
                    out += buf;
                }
            }
            if (s == &k) out += '=';
        }
    }
    return out;
}

std::string session_id_of(const HttpReply& reply) {
    const std::string c = reply.header("set-cookie");
    const std::string prefix = "kiosk_session=";
    if (c.rfind(prefix, 0) != 0) return {};
    return c.substr(prefix.size(), c.find(';') - prefix.size());
}

}  // namespace kiosk::test
