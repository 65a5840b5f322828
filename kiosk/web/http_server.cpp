#include "web/http_server.h"

#include "web/html.h"
#include "web/login_handler.h"
#include "web/login_page.h"
#include "web/request_checks.h"
#include "web/session_store.h"
#include "web/static_files.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <atomic>
#include <condition_variable>
#include <cstdarg>
#include <cstdio>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace kiosk::web {

namespace {

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::string megabytes(std::size_t bytes) {
    const std::size_t mb = bytes / (1024 * 1024);
    return mb > 0 ? std::to_string(mb) + " MB" : std::to_string(bytes / 1024) + " KB";
}

std::string client_address(MHD_Connection* c) {
    const MHD_ConnectionInfo* info = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    if (!info || !info->client_addr) return "unknown";
    char buf[INET6_ADDRSTRLEN] = {};
    const sockaddr* sa = info->client_addr;
    if (sa->sa_family == AF_INET) {
        inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in*>(sa)->sin_addr, buf, sizeof buf);
    } else if (sa->sa_family == AF_INET6) {
        inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6*>(sa)->sin6_addr, buf, sizeof buf);
    } else {
        return "unknown";
    }
    return buf;
}

Response message_page(int status, std::string_view title, std::string_view message) {
    return Response::html("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" +
                              html_escape(title) +
                              "</title><link rel=\"stylesheet\" href=\"/static/kiosk.css\"></head><body><main>"
                              "<h1>" +
                              html_escape(title) + "</h1><p class=\"message error\">" + html_escape(message) +
                              "</p><p><a href=\"/\">Back to the slides</a></p></main></body></html>\n",
                          status);
}

// Everything one request collects between MHD's first and last call for it.
struct PendingRequest {
    Request request;
    std::optional<SessionStore::Session> session;
    const Router::Route* route = nullptr;
    MHD_PostProcessor* post = nullptr;
    std::size_t body_bytes = 0;      // received so far
    std::size_t buffered_bytes = 0;  // counted in Impl::buffered_ (given back when done)
    std::size_t field_count = 0;
    std::optional<Response> refusal;  // set while reading the body: answered once it is read
    struct HttpServer::Impl* server = nullptr;
    ~PendingRequest() {
        if (post) MHD_destroy_post_processor(post);
    }
};

// The connections open now and when their current request began, for the time caps. libmicrohttpd's
// own timeout counts only silence, so a client that trickles a byte every few seconds would keep
// its connection thread for ever: the watchdog shuts down the socket of a request over its cap, and
// libmicrohttpd then closes the connection as if the client had hung up. A socket is only touched
// under the lock and only while libmicrohttpd still has it open (it tells us before it closes it).
class RequestClock {
public:
    using Clock = std::chrono::steady_clock;

    void opened(MHD_Connection* c, MHD_socket fd, std::string client) {
        const std::lock_guard lock(mutex_);
        open_[c] = Entry{fd, Clock::now(), false, false, std::move(client)};
    }
    void closed(MHD_Connection* c) {
        const std::lock_guard lock(mutex_);
        open_.erase(c);
    }
    void headers_in(MHD_Connection* c) {
        const std::lock_guard lock(mutex_);
        if (const auto it = open_.find(c); it != open_.end()) it->second.headers_in = true;
    }
    // The answer is sent: the next request on this connection starts its own clock.
    void answered(MHD_Connection* c) {
        const std::lock_guard lock(mutex_);
        if (const auto it = open_.find(c); it != open_.end()) {
            it->second.started = Clock::now();
            it->second.headers_in = false;
        }
    }
    // Shuts down every request over its cap; returns a line for the log about each.
    std::vector<std::string> cut_overdue(std::chrono::seconds header_cap, std::chrono::seconds request_cap) {
        std::vector<std::string> cut;
        const auto now = Clock::now();
        const std::lock_guard lock(mutex_);
        for (auto& [connection, e] : open_) {
            const auto cap = e.headers_in ? request_cap : header_cap;
            if (e.cut || now - e.started <= cap) continue;
            ::shutdown(e.fd, SHUT_RDWR);
            e.cut = true;
            cut.push_back("closed a connection from " + e.client + ": its " +
                          (e.headers_in ? "request" : "request line and headers") + " took over " +
                          std::to_string(cap.count()) + " s");
        }
        return cut;
    }

private:
    struct Entry {
        MHD_socket fd;
        Clock::time_point started;
        bool headers_in = false;
        bool cut = false;
        std::string client;
    };
    std::mutex mutex_;
    std::map<MHD_Connection*, Entry> open_;
};

}  // namespace

struct HttpServer::Impl {
    Router router;
    ServerOptions options;
    SessionStore sessions;
    LoginThrottle throttle;
    MHD_Daemon* daemon = nullptr;
    std::mutex log_mutex;
    std::mutex handler_mutex;  // handlers run one at a time (the pages share files, not locks)
    std::atomic<std::size_t> buffered{0};
    RequestClock clock;
    std::mutex watchdog_mutex;
    std::condition_variable watchdog_wake;
    bool stopping = false;  // under watchdog_mutex
    std::thread watchdog;

    Impl(Router r, ServerOptions o)
        : router(std::move(r)), options(std::move(o)), sessions(options.session_idle), throttle(options.throttle) {}

    [[nodiscard]] bool tls() const { return !options.tls_certificate_pem.empty() && !options.tls_key_pem.empty(); }

    void log(const std::string& line) {
        if (!options.log) return;
        const std::lock_guard lock(log_mutex);
        options.log(line);
    }

    [[nodiscard]] LoginState login_state() const { return login_state_of(options.password_hash); }

    static bool is_public(std::string_view path) { return path == "/login" || find_static_file(path) != nullptr; }

    // The checks made once the request line and headers are in, before any body is read.
    std::optional<Response> check_head(PendingRequest& p, MHD_Connection* c) {
        Request& r = p.request;
        if (r.method != "GET" && r.method != "HEAD" && r.method != "POST") {
            Response res = Response::text("Only GET and POST are used here.\n", 405);
            res.headers.emplace_back("Allow", "GET, HEAD, POST");
            return res;
        }
        if (!is_clean_path(r.path)) return Response::text("That address is not a page of this site.\n", 400);

        if (const char* cookie = MHD_lookup_connection_value(c, MHD_COOKIE_KIND, std::string(kSessionCookie).c_str())) {
            p.session = sessions.touch(cookie);
        }
        if (p.session) r.csrf_token = p.session->csrf;
        if (!is_public(r.path) && !p.session) {
            if (r.method == "POST")
                return message_page(403, "Please log in",
                                    "Your session has ended: log in again, then repeat what you did.");
            return Response::redirect("/login");
        }
        if (r.method == "POST") {
            if (auto problem = cross_origin_problem(r, tls())) {
                log("refused POST " + r.path + " from " + r.client + ": " + *problem);
                return message_page(403, "Refused", "This request was refused because " + *problem + ".");
            }
        }
        if (!is_public(r.path) && r.path != "/logout") {
            const std::string& method = r.method == "HEAD" ? std::string("GET") : r.method;
            bool path_known = false;
            for (const auto& route : router.routes()) {
                if (route.path != r.path) continue;
                path_known = true;
                if (route.method == method) p.route = &route;
            }
            if (!path_known) return message_page(404, "Not found", "There is no page at this address.");
            if (!p.route) {
                Response res = message_page(405, "Wrong method", "This page cannot be used that way.");
                res.headers.emplace_back("Allow", method == "GET" ? "POST" : "GET, HEAD");
                return res;
            }
        } else if ((r.path == "/logout" && r.method != "POST") || (find_static_file(r.path) && r.method == "POST")) {
            return message_page(405, "Wrong method", "This page cannot be used that way.");
        }

        if (r.method == "POST") {
            const char* length = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
            const unsigned long long announced = length ? std::strtoull(length, nullptr, 10) : 0;
            if (announced > options.limits.max_request_bytes) {
                Response refusal = too_large("The request is " + megabytes(announced) + "; the limit is " +
                                             megabytes(options.limits.max_request_bytes) + ".");
                // A browser still sending its upload shows "connection reset", not our answer, when
                // the server closes early: so a body up to kDrainFactor × the limit is read and
                // dropped (never kept) before the 413. Beyond that it is cut off at once.
                if (announced > options.limits.max_request_bytes * kDrainFactor) return refusal;
                p.refusal = std::move(refusal);
                return std::nullopt;
            }
            const char* type = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_TYPE);
            const std::string t = type ? lower(type) : std::string();
            if (t.rfind("application/x-www-form-urlencoded", 0) == 0 || t.rfind("multipart/form-data", 0) == 0) {
                p.post = MHD_create_post_processor(c, 64 * 1024, &Impl::on_post_data, &p);
                if (!p.post) return Response::text("The form could not be read (bad Content-Type).\n", 400);
            } else if (length && std::strtoull(length, nullptr, 10) > 0) {
                return Response::text("Send forms as application/x-www-form-urlencoded or multipart/form-data.\n", 415);
            }
        }
        return std::nullopt;
    }

    Response too_large(const std::string& what) {
        Response res = message_page(413, "Too big", what);
        res.headers.emplace_back("Connection", "close");
        return res;
    }

    // PostProcessor callback: one chunk of a field or file. Over a limit, the request is marked
    // refused and the rest of the body is read and dropped, so the 413 reaches the browser.
    static MHD_Result on_post_data(void* cls, MHD_ValueKind, const char* key, const char* filename,
                                   const char* content_type, const char*, const char* data, uint64_t off, size_t size) {
        auto& p = *static_cast<PendingRequest*>(cls);
        if (p.refusal || !key) return MHD_YES;
        Impl& self = *p.server;
        const ServerLimits& limits = self.options.limits;
        if (!self.reserve(p, size)) return MHD_YES;
        if (filename) {
            auto& files = p.request.files;
            if (off == 0 || files.empty() || files.back().field != key) {
                if (++p.field_count > kMaxFields) {
                    p.refusal = Response::text("The form has too many fields.\n", 400);
                    return MHD_YES;
                }
                files.push_back(UploadedFile{key, filename, content_type ? content_type : "", {}});
            }
            UploadedFile& f = files.back();
            if (f.data.size() + size > limits.max_upload_bytes) {
                p.refusal = self.too_large("The file \"" + f.filename + "\" is bigger than the limit of " +
                                           megabytes(limits.max_upload_bytes) +
                                           " per file. Make the picture smaller (for example 1920 pixels wide) "
                                           "and upload it again.");
                f.data.clear();
                return MHD_YES;
            }
            f.data.append(data, size);
        } else {
            auto [it, fresh] = p.request.form.try_emplace(key);
            if (fresh && ++p.field_count > kMaxFields) {
                p.refusal = Response::text("The form has too many fields.\n", 400);
                return MHD_YES;
            }
            if (off == 0) it->second.clear();
            if (it->second.size() + size > limits.max_field_bytes) {
                p.refusal = self.too_large("The field \"" + std::string(key) + "\" is longer than the limit of " +
                                           megabytes(limits.max_field_bytes) + ".");
                return MHD_YES;
            }
            it->second.append(data, size);
        }
        return MHD_YES;
    }

    static constexpr std::size_t kMaxFields = 200;
    static constexpr std::size_t kDrainFactor = 8;

    // Counts `bytes` against the budget of all bodies held in memory at once.
    bool reserve(PendingRequest& p, std::size_t bytes) {
        const std::size_t before = buffered.fetch_add(bytes);
        p.buffered_bytes += bytes;
        if (before + bytes > options.limits.max_buffered_bytes) {
            p.refusal = message_page(503, "Busy", "The server is receiving other uploads: try again in a minute.");
            return false;
        }
        return true;
    }

    // The answer once the whole request is in (or was refused on the way).
    Response answer(PendingRequest& p) {
        if (p.refusal) return std::move(*p.refusal);
        Request& r = p.request;
        if (const StaticFile* file = find_static_file(r.path)) {
            Response res{200, std::string(file->content_type), std::string(file->body), {}};
            return res;
        }
        if (r.path == "/login") {
            if (r.method == "POST") {
                return handle_login(r, p.session,
                                    LoginContext{options.password_hash, throttle, sessions, tls(),
                                                 [this](const std::string& line) { log(line); }});
            }
            if (p.session) return Response::redirect("/");
            return Response::html(login_page(login_state(), {}));
        }
        if (r.method == "POST") {
            const std::string token = posted_csrf_token(r);
            if (token.empty() || !tokens_equal(token, p.session->csrf)) {
                log("refused POST " + r.path + " from " + r.client + ": missing or wrong CSRF token");
                return message_page(403, "Refused",
                                    "This form is out of date (its security token does not match). Reload the page "
                                    "and try again.");
            }
        }
        if (r.path == "/logout") {
            sessions.end(p.session->id);
            log("staff logged out from " + r.client);
            Response res = Response::redirect("/login");
            res.headers.emplace_back("Set-Cookie", expired_session_cookie(tls()));
            return res;
        }
        try {
            if (p.route->waits == Waits::Kiosk) return p.route->handler(r);
            const std::lock_guard lock(handler_mutex);
            return p.route->handler(r);
        } catch (const std::exception& e) {
            log("error in " + r.method + " " + r.path + ": " + e.what());
        } catch (...) {
            log("error in " + r.method + " " + r.path);
        }
        return message_page(
            500, "Something went wrong",
            "The page could not do that. Nothing was changed by the error; the details are in the server's log.");
    }

    // Every answer leaves through here, so none lacks the security headers. Only the static files
    // may be cached; every other page is private.
    MHD_Result send(MHD_Connection* c, Response res, bool static_file = false) {
        add_security_headers(res, !static_file);
        MHD_Response* mr = MHD_create_response_from_buffer(res.body.size(), res.body.data(), MHD_RESPMEM_MUST_COPY);
        if (!mr) return MHD_NO;
        MHD_add_response_header(mr, MHD_HTTP_HEADER_CONTENT_TYPE, res.content_type.c_str());
        for (const auto& [name, value] : res.headers) MHD_add_response_header(mr, name.c_str(), value.c_str());
        const MHD_Result ok = MHD_queue_response(c, static_cast<unsigned>(res.status), mr);
        MHD_destroy_response(mr);
        return ok;
    }

    static MHD_Result on_request(void* cls, MHD_Connection* c, const char* url, const char* method, const char*,
                                 const char* upload_data, size_t* upload_data_size, void** con_cls) {
        Impl& self = *static_cast<Impl*>(cls);
        auto* p = static_cast<PendingRequest*>(*con_cls);
        if (!p) {
            self.clock.headers_in(c);
            p = new PendingRequest;
            p->server = &self;
            *con_cls = p;
            Request& r = p->request;
            r.method = method ? method : "";
            r.path = url ? url : "";
            r.client = client_address(c);
            MHD_get_connection_values(c, MHD_HEADER_KIND, &collect, &r.headers);
            MHD_get_connection_values(c, MHD_GET_ARGUMENT_KIND, &collect_query, &r.query);
            if (auto refusal = self.check_head(*p, c)) {
                if (refusal->status != 303 && refusal->status != 404)
                    self.log("answered " + std::to_string(refusal->status) + " to " + r.method + " " + r.path +
                             " from " + r.client);
                return self.send(c, std::move(*refusal));
            }
            return MHD_YES;
        }
        if (*upload_data_size > 0) {
            p->body_bytes += *upload_data_size;
            if (!p->refusal && p->body_bytes > self.options.limits.max_request_bytes) {
                p->refusal = self.too_large("The request is bigger than the limit of " +
                                            megabytes(self.options.limits.max_request_bytes) + ".");
            }
            if (p->post && !p->refusal) MHD_post_process(p->post, upload_data, *upload_data_size);
            *upload_data_size = 0;
            return MHD_YES;
        }
        Response res = self.answer(*p);
        if (res.status >= 400)
            self.log("answered " + std::to_string(res.status) + " to " + p->request.method + " " + p->request.path +
                     " from " + p->request.client);
        const bool static_file = res.status == 200 && find_static_file(p->request.path) != nullptr;
        return self.send(c, std::move(res), static_file);
    }

    static MHD_Result collect(void* cls, MHD_ValueKind, const char* key, const char* value) {
        if (key) (*static_cast<std::map<std::string, std::string>*>(cls))[lower(key)] = value ? value : "";
        return MHD_YES;
    }
    static MHD_Result collect_query(void* cls, MHD_ValueKind, const char* key, const char* value) {
        if (key) (*static_cast<std::map<std::string, std::string>*>(cls))[key] = value ? value : "";
        return MHD_YES;
    }

    static void on_completed(void* cls, MHD_Connection* c, void** con_cls, MHD_RequestTerminationCode) {
        static_cast<Impl*>(cls)->clock.answered(c);
        auto* p = static_cast<PendingRequest*>(*con_cls);
        if (!p) return;
        static_cast<Impl*>(cls)->buffered.fetch_sub(p->buffered_bytes);
        delete p;
        *con_cls = nullptr;
    }

    static void on_connection(void* cls, MHD_Connection* c, void**, MHD_ConnectionNotificationCode code) {
        Impl& self = *static_cast<Impl*>(cls);
        if (code == MHD_CONNECTION_NOTIFY_CLOSED) {
            self.clock.closed(c);
            return;
        }
        const MHD_ConnectionInfo* info = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CONNECTION_FD);
        if (info) self.clock.opened(c, info->connect_fd, client_address(c));
    }

    // Four times a second: requests over their time cap are cut off (see RequestClock).
    void run_watchdog() {
        const std::chrono::seconds header_cap(options.limits.header_timeout_seconds);
        const std::chrono::seconds request_cap(options.limits.request_timeout_seconds);
        std::unique_lock lock(watchdog_mutex);
        while (!watchdog_wake.wait_for(lock, std::chrono::milliseconds(250), [this] { return stopping; })) {
            lock.unlock();
            for (const std::string& line : clock.cut_overdue(header_cap, request_cap)) log(line);
            lock.lock();
        }
    }

    void stop_watchdog() {
        if (!watchdog.joinable()) return;
        {
            const std::lock_guard lock(watchdog_mutex);
            stopping = true;
        }
        watchdog_wake.notify_all();
        watchdog.join();
    }

    __attribute__((format(printf, 2, 0))) static void on_mhd_log(void* cls, const char* format, va_list args) {
        char line[512];
        std::vsnprintf(line, sizeof line, format, args);
        std::string text(line);
        while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
        static_cast<Impl*>(cls)->log("libmicrohttpd: " + text);
    }
};

std::unique_ptr<HttpServer> HttpServer::start(Router router, ServerOptions options, std::string* error) {
    auto impl = std::make_unique<Impl>(std::move(router), std::move(options));
    const ServerOptions& o = impl->options;
    sockaddr_storage address{};
    if (o.ipv6) {
        auto* a6 = reinterpret_cast<sockaddr_in6*>(&address);
        a6->sin6_family = AF_INET6;
        a6->sin6_port = htons(o.port);
        if (inet_pton(AF_INET6, o.host.c_str(), &a6->sin6_addr) != 1) {
            if (error) *error = "'" + o.host + "' is not an IPv6 address";
            return nullptr;
        }
    } else {
        auto* a4 = reinterpret_cast<sockaddr_in*>(&address);
        a4->sin_family = AF_INET;
        a4->sin_port = htons(o.port);
        if (inet_pton(AF_INET, o.host.c_str(), &a4->sin_addr) != 1) {
            if (error) *error = "'" + o.host + "' is not an IPv4 address";
            return nullptr;
        }
    }
    // One thread per connection: a client that dribbles its request holds only its own thread.
    unsigned flags = MHD_USE_AUTO | MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_THREAD_PER_CONNECTION | MHD_USE_ERROR_LOG;
    if (o.ipv6) flags |= MHD_USE_IPv6;
    const bool tls = impl->tls();
    if (tls) flags |= MHD_USE_TLS;
    MHD_OptionItem tls_options[] = {
        {tls ? MHD_OPTION_HTTPS_MEM_CERT : MHD_OPTION_END, 0, const_cast<char*>(o.tls_certificate_pem.c_str())},
        {tls ? MHD_OPTION_HTTPS_MEM_KEY : MHD_OPTION_END, 0, const_cast<char*>(o.tls_key_pem.c_str())},
        {MHD_OPTION_END, 0, nullptr},
    };
    impl->daemon = MHD_start_daemon(flags, 0, nullptr, nullptr, &Impl::on_request, impl.get(),  //
                                    MHD_OPTION_EXTERNAL_LOGGER, &Impl::on_mhd_log,
                                    impl.get(),  // first, so MHD logs nothing itself
                                    MHD_OPTION_SOCK_ADDR, reinterpret_cast<sockaddr*>(&address),          //
                                    MHD_OPTION_LISTENING_ADDRESS_REUSE, 1u,                               //
                                    MHD_OPTION_CONNECTION_LIMIT, o.limits.max_connections,                //
                                    MHD_OPTION_PER_IP_CONNECTION_LIMIT, o.limits.max_connections_per_ip,  //
                                    MHD_OPTION_CONNECTION_TIMEOUT, o.limits.idle_timeout_seconds,         //
                                    MHD_OPTION_CONNECTION_MEMORY_LIMIT, o.limits.header_memory_bytes,     //
                                    MHD_OPTION_NOTIFY_COMPLETED, &Impl::on_completed, impl.get(),         //
                                    MHD_OPTION_NOTIFY_CONNECTION, &Impl::on_connection, impl.get(),       //
                                    MHD_OPTION_ARRAY, tls_options,                                        //
                                    MHD_OPTION_END);
    if (!impl->daemon) {
        if (error) {
            *error = "cannot listen on " + o.host + ":" + std::to_string(o.port) +
                     (tls ? " (or the TLS certificate and key were refused)" : "") +
                     ": the port may be in use or need privileges";
        }
        return nullptr;
    }
    Impl* self = impl.get();
    impl->watchdog = std::thread([self] { self->run_watchdog(); });
    std::unique_ptr<HttpServer> server(new HttpServer(std::move(impl)));
    server->impl_->log(std::string("serving on ") + (tls ? "https://" : "http://") +
                       (o.ipv6 ? "[" + o.host + "]" : o.host) + ":" + std::to_string(server->port()));
    return server;
}

std::uint16_t HttpServer::port() const {
    const MHD_DaemonInfo* info = MHD_get_daemon_info(impl_->daemon, MHD_DAEMON_INFO_BIND_PORT);
    return info ? info->port : 0;
}

bool HttpServer::tls() const {
    return impl_->tls();
}

HttpServer::HttpServer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
HttpServer::~HttpServer() {
    if (!impl_) return;
    impl_->stop_watchdog();  // first: it must not touch a socket the daemon is closing
    if (impl_->daemon) MHD_stop_daemon(impl_->daemon);
}

}  // namespace kiosk::web
