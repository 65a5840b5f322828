#include "web/http_message.h"

namespace kiosk::web {

Response Response::html(std::string body, int status) {
    return Response{status, "text/html; charset=utf-8", std::move(body), {}};
}
Response Response::text(std::string body, int status) {
    return Response{status, "text/plain; charset=utf-8", std::move(body), {}};
}
Response Response::json(std::string body, int status) {
    return Response{status, "application/json", std::move(body), {}};
}
Response Response::png(std::string bytes) { return Response{200, "image/png", std::move(bytes), {}}; }
Response Response::redirect(const std::string& location) {
    return Response{303, "text/plain; charset=utf-8", "See " + location + "\n", {{"Location", location}}};
}

}  // namespace kiosk::web
