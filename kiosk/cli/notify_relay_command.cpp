// `kiosk notify-relay -- PROGRAM [ARGS...]`: kiosk.service's main process. It runs PROGRAM (cage,
// which runs the kiosk) and passes the kiosk's sd_notify messages (READY=1, WATCHDOG=1, STATUS=,
// STOPPING=1) on to systemd as its own.
//
// WHY: with PAMName=login, logind moves the service's processes into the login session's scope
// (session-N.scope), out of kiosk.service's cgroup. systemd then drops every notification whose
// sender is neither in the unit's cgroup nor its main PID, NotifyAccess=all included: found by
// booting the package under systemd (tests/deploy/boot_test.sh). READY=1 never counted, so each
// start timed out after 90 s, and the watchdog could not work. The main PID's messages always count.
//
// It also keeps what systemd can no longer do for processes outside the unit's cgroup: a stop or a
// watchdog abort (SIGTERM/SIGABRT to the main PID) is passed to PROGRAM, and once PROGRAM has
// ended, whatever is left in this session (a frozen kiosk, Xwayland) is killed, so the next start
// gets the screen and no old kiosk lingers.
#include "cli/commands.h"

#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

namespace kiosk::cli {

namespace {

volatile std::sig_atomic_t g_stop_signal = 0;
void on_relay_stop_signal(int sig) {
    g_stop_signal = sig;
}

sockaddr_un address_of(const std::string& name, socklen_t& len) {
    sockaddr_un a{};
    a.sun_family = AF_UNIX;
    const std::size_t n = std::min(name.size(), sizeof a.sun_path - 1);
    std::memcpy(a.sun_path, name.data(), n);
    if (name[0] == '@') a.sun_path[0] = '\0';  // abstract, as sd_notify(3) reads it
    len = static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + n);
    return a;
}

// The cgroup.procs file of this process's logind session scope ("session-N.scope"), or empty when
// this process is not in one of its own (a developer's shell, a test): nothing is killed then.
std::string own_session_procs() {
    std::ifstream in("/proc/self/cgroup");
    std::string line, v2, v1;
    while (std::getline(in, line)) {
        if (line.rfind("0::", 0) == 0) v2 = line.substr(3);
        if (line.find(":name=systemd:") != std::string::npos) v1 = line.substr(line.find(":/") + 1);
    }
    const auto is_session = [](const std::string& path) {
        const std::string leaf = path.substr(path.rfind('/') + 1);
        return leaf.rfind("session-", 0) == 0 && leaf.size() > 6 && leaf.ends_with(".scope");
    };
    std::vector<std::string> files;
    if (is_session(v2))
        files = {"/sys/fs/cgroup" + v2 + "/cgroup.procs", "/sys/fs/cgroup/unified" + v2 + "/cgroup.procs"};
    if (is_session(v1)) files.push_back("/sys/fs/cgroup/systemd" + v1 + "/cgroup.procs");
    for (const std::string& file : files)
        if (::access(file.c_str(), R_OK) == 0) return file;
    return {};
}

// Kills what is left of this session after PROGRAM ended, except this process and systemd's
// "(sd-pam)" helper, which closes the PAM session when this process exits.
void kill_leftovers(std::ostream& err) {
    const std::string procs = own_session_procs();
    if (procs.empty()) return;
    std::ifstream in(procs);
    for (pid_t pid = 0; in >> pid;) {
        if (pid == ::getpid()) continue;
        std::ifstream comm("/proc/" + std::to_string(pid) + "/comm");
        std::string name;
        std::getline(comm, name);
        if (name.rfind("(sd-pam", 0) == 0) continue;
        err << "kiosk notify-relay: killing leftover process " << pid << " (" << name << ")\n";
        ::kill(pid, SIGKILL);
    }
}

// Passes one message on; a child's MAINPID= would hand the unit to it, so that line is dropped.
void forward(int fd, const sockaddr_un& to, socklen_t to_len, const std::string& message) {
    std::istringstream lines(message);
    std::string out;
    for (std::string line; std::getline(lines, line);)
        if (line.rfind("MAINPID=", 0) != 0) out += line + '\n';
    if (!out.empty())
        ::sendto(fd, out.data(), out.size(), MSG_NOSIGNAL, reinterpret_cast<const sockaddr*>(&to), to_len);
}

}  // namespace

int notify_relay_command(const Args& args, Io io) {
    std::size_t first = (!args.empty() && args[0] == "--") ? 1 : 0;
    if (first >= args.size()) {
        io.err << "kiosk notify-relay: usage: kiosk notify-relay -- PROGRAM [ARGS...]\n";
        return kExitUsage;
    }
    std::vector<char*> argv;
    for (std::size_t i = first; i < args.size(); ++i) argv.push_back(const_cast<char*>(args[i].c_str()));
    argv.push_back(nullptr);

    const char* upstream = std::getenv("NOTIFY_SOCKET");
    if (upstream == nullptr || *upstream == '\0') {  // not under systemd: nothing to relay
        ::execvp(argv[0], argv.data());
        io.err << "kiosk notify-relay: cannot run " << argv[0] << ": " << std::strerror(errno) << '\n';
        return kExitFailure;
    }
    socklen_t up_len = 0;
    const sockaddr_un up = address_of(upstream, up_len);

    // Our own socket for the child, an abstract name the kernel picks (nothing on disk to clean up).
    const int fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    sockaddr_un mine{};
    mine.sun_family = AF_UNIX;
    socklen_t mine_len = sizeof(sa_family_t);
    const int one = 1;
    if (fd < 0 || ::setsockopt(fd, SOL_SOCKET, SO_PASSCRED, &one, sizeof one) != 0 ||
        ::bind(fd, reinterpret_cast<sockaddr*>(&mine), mine_len) != 0 ||
        (mine_len = sizeof mine, ::getsockname(fd, reinterpret_cast<sockaddr*>(&mine), &mine_len)) != 0) {
        io.err << "kiosk notify-relay: cannot make a notify socket: " << std::strerror(errno) << '\n';
        return kExitFailure;
    }
    const std::string child_socket =
        "@" + std::string(mine.sun_path + 1, mine_len - offsetof(sockaddr_un, sun_path) - 1);

    struct sigaction sa {};
    sa.sa_handler = on_relay_stop_signal;
    ::sigemptyset(&sa.sa_mask);
    for (int sig : {SIGTERM, SIGINT, SIGABRT}) ::sigaction(sig, &sa, nullptr);
    ::signal(SIGHUP, SIG_IGN);  // `systemctl reload` signals the kiosk itself; a tty hangup is not a stop

    const pid_t child = ::fork();
    if (child < 0) {
        io.err << "kiosk notify-relay: fork: " << std::strerror(errno) << '\n';
        return kExitFailure;
    }
    if (child == 0) {
        for (int sig : {SIGTERM, SIGINT, SIGABRT, SIGHUP}) ::signal(sig, SIG_DFL);
        ::setenv("NOTIFY_SOCKET", child_socket.c_str(), 1);
        // WATCHDOG_PID is this relay; the kiosk, its grandchild, must still take the watchdog on.
        ::unsetenv("WATCHDOG_PID");
        ::execvp(argv[0], argv.data());
        std::fprintf(stderr, "kiosk notify-relay: cannot run %s: %s\n", argv[0], std::strerror(errno));
        ::_exit(127);
    }

    int status = 0;
    bool passed_on = false;
    for (;;) {
        if (g_stop_signal != 0 && !passed_on) {
            io.err << "kiosk notify-relay: " << ::strsignal(g_stop_signal) << ": stopping " << argv[0] << '\n';
            ::kill(child, SIGTERM);
            passed_on = true;
        }
        const pid_t done = ::waitpid(child, &status, WNOHANG);
        if (done == child) break;
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, 200) > 0) {
            char buf[4096];
            alignas(cmsghdr) char control[CMSG_SPACE(sizeof(ucred))];
            iovec iov{buf, sizeof buf};
            msghdr msg{};
            msg.msg_iov = &iov;
            msg.msg_iovlen = 1;
            msg.msg_control = control;
            msg.msg_controllen = sizeof control;
            const ssize_t n = ::recvmsg(fd, &msg, MSG_DONTWAIT);
            if (n <= 0) continue;
            // Anyone on the machine can reach an abstract socket: only our own user's processes count.
            const cmsghdr* c = CMSG_FIRSTHDR(&msg);
            if (c == nullptr || c->cmsg_type != SCM_CREDENTIALS) continue;
            ucred cred{};
            std::memcpy(&cred, CMSG_DATA(c), sizeof cred);
            if (cred.uid != ::getuid()) continue;
            forward(fd, up, up_len, std::string(buf, static_cast<std::size_t>(n)));
        }
    }
    kill_leftovers(io.err);
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    io.err << "kiosk notify-relay: " << argv[0] << " ended by " << ::strsignal(WTERMSIG(status)) << '\n';
    return 128 + WTERMSIG(status);
}

}  // namespace kiosk::cli
