// A plain HTTP/1.1 client over a real TCP socket, for testing the staff web server from outside:
// it sends exactly the bytes given (no path normalisation, unlike curl) and reads until the server
// closes, with a deadline so a hang fails the test instead of stalling it.
#pragma once

#include <chrono>
#include <map>
#include <string>

namespace kiosk::test {

struct HttpReply {
    int status = 0;                                   // 0: no parseable answer (connection refused, reset or timed out)
    std::multimap<std::string, std::string> headers;  // lower-case names
    std::string body;
    [[nodiscard]] std::string header(const std::string& name) const;  // first value or ""
};

// Sends `raw` to 127.0.0.1:port from `source` (another loopback address such as 127.0.0.2 acts as a
// second computer) and reads the reply.
HttpReply send_raw(int port, const std::string& raw, std::chrono::milliseconds timeout = std::chrono::seconds(20),
                   const std::string& source = "127.0.0.1");

struct HttpCall {
    std::string method = "GET";
    std::string path = "/";
    std::string cookie;  // the session id alone
    std::string origin;  // "" = leave out; "same" = http://127.0.0.1:PORT
    std::string content_type = "application/x-www-form-urlencoded";
    std::string body;
    std::map<std::string, std::string> headers;
    std::string source = "127.0.0.1";
};
HttpReply http(int port, const HttpCall& call);

// "a=b&c=d" with percent-encoding.
std::string form_encode(const std::map<std::string, std::string>& fields);
// The session id from a Set-Cookie header ("kiosk_session=ID; ..."), or "".
std::string session_id_of(const HttpReply& reply);

}  // namespace kiosk::test
