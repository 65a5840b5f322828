// What a web handler sees and returns. The server (http_server.*) parses a libmicrohttpd request into a
// Request, checks the session, CSRF token, Origin/Host and limits BEFORE any handler runs, and turns a
// Response back into an MHD response with the security headers added. Handlers therefore hold only the
// staff page's own logic and can be called directly in unit tests with a Request they build.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace kiosk::web {

struct UploadedFile {
    std::string field;         // the form field's name, e.g. "picture"
    std::string filename;      // as the browser sent it (untrusted: never used as a path as-is)
    std::string content_type;  // as the browser sent it (untrusted: content is checked instead)
    std::string data;          // the bytes (size already within [web] upload limit)
};

struct Request {
    std::string method;                         // "GET" or "POST"
    std::string path;                           // percent-decoded path without the query, e.g. "/slide"
    std::map<std::string, std::string> query;   // ?name=020-massage.md
    std::map<std::string, std::string> form;    // urlencoded or multipart text fields
    std::vector<UploadedFile> files;            // multipart file fields
    std::map<std::string, std::string> headers; // lower-case names
    std::string client;                         // peer address, e.g. "127.0.0.1"
    // Set by the server for a logged-in session; handlers embed csrf_token in every form they emit
    // as <input type="hidden" name="csrf" value="...">, which the server checks on every POST.
    std::string csrf_token;
};

struct Response {
    int status = 200;
    std::string content_type = "text/html; charset=utf-8";
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;  // extra headers (e.g. ETag, Location)

    static Response html(std::string body, int status = 200);
    static Response text(std::string body, int status = 200);
    static Response json(std::string body, int status = 200);
    static Response png(std::string bytes);
    static Response redirect(const std::string& location);  // 303 See Other (after a POST)
};

using Handler = std::function<Response(const Request&)>;

// The routes a part of the page contributes. Exact paths only ("/slide", "/slide/save"); the server
// answers 404 for anything unregistered, 405 for a known path with the wrong method.
//
// Handlers run one at a time by default, because the pages share the slides folder (a save's stamp
// check and its rename must not interleave with another save). A handler that only waits on the
// running kiosk (a test print, a screenshot) and touches no file is registered Waits::Kiosk, so it
// runs beside the others: otherwise one slow printer would freeze the page for every member of staff.
enum class Waits { Files, Kiosk };

class Router {
public:
    void get(std::string path, Handler handler, Waits waits = Waits::Files) {
        routes_.push_back({"GET", std::move(path), std::move(handler), waits});
    }
    void post(std::string path, Handler handler, Waits waits = Waits::Files) {
        routes_.push_back({"POST", std::move(path), std::move(handler), waits});
    }

    struct Route {
        std::string method;
        std::string path;
        Handler handler;
        Waits waits = Waits::Files;
    };
    const std::vector<Route>& routes() const { return routes_; }

private:
    std::vector<Route> routes_;
};

}  // namespace kiosk::web
