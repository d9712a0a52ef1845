#pragma once

// A real podman serving the Docker-compatible API on a unix socket of the
// test's own, for TestRemoteDocker (issue 38 item 6): its own storage
// (--root/--runroot/--tmpdir under a temporary directory), its own
// containers.conf (runc, cgroupfs, no network), an image made from
// busybox-static with no registry, and a tiny blocking client for the
// test's setup (creating containers) — everything the test checks goes
// through HiveMind. stop() removes the containers, ends the service and
// any conmon left behind (only those under this instance's directory).

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalSocket>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <csignal>
#include <memory>

namespace hm::test {

struct DockerAnswer
{
    int status = 0;
    QByteArray body;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

class PodmanDaemon
{
public:
    static QString podman() { return QStandardPaths::findExecutable(QStringLiteral("podman")); }
    static QString busybox()
    {
        for (const QString &path : {QStringLiteral("/bin/busybox"), QStringLiteral("/usr/bin/busybox")})
            if (QFile::exists(path))
                return path;
        return {};
    }

    bool isValid() const { return m_dir.isValid(); }
    QString socketPath() const { return m_dir.filePath(QStringLiteral("docker.sock")); }
    QString path(const QString &name) const { return m_dir.filePath(name); }

    // Writes the config; with `withImage`, imports localhost/hm-busybox:test.
    // Then starts the service. An error text, empty when all went well.
    QString start(bool withImage)
    {
        QFile conf(path(QStringLiteral("containers.conf")));
        if (!conf.open(QIODevice::WriteOnly))
            return QStringLiteral("cannot write containers.conf");
        conf.write("[containers]\n"
                   "default_ulimits = [\"nofile=1024:1024\", \"nproc=4096:4096\"]\n"
                   "netns = \"none\"\n"
                   "[engine]\n"
                   "runtime = \"runc\"\n"
                   "cgroup_manager = \"cgroupfs\"\n");
        conf.close();
        if (withImage) {
            const QString rootfs = path(QStringLiteral("rootfs/bin"));
            if (!QDir().mkpath(rootfs) || !QFile::copy(busybox(), rootfs + QStringLiteral("/busybox")))
                return QStringLiteral("cannot build the rootfs");
            for (const char *tool : {"sh", "sleep", "echo", "cat"})
                QFile::link(QStringLiteral("busybox"), rootfs + u'/' + QLatin1String(tool));
            QProcess tar;
            tar.start(QStringLiteral("tar"), {QStringLiteral("cf"), path(QStringLiteral("rootfs.tar")),
                                              QStringLiteral("-C"), path(QStringLiteral("rootfs")),
                                              QStringLiteral(".")});
            if (!tar.waitForFinished(30000) || tar.exitCode() != 0)
                return QStringLiteral("tar failed");
            QProcess import;
            prepare(import, {QStringLiteral("import"), path(QStringLiteral("rootfs.tar")),
                             QStringLiteral("localhost/hm-busybox:test")});
            import.start();
            if (!import.waitForFinished(120000) || import.exitCode() != 0)
                return QStringLiteral("podman import failed: ") + QString::fromUtf8(import.readAll());
        }
        m_service = std::make_unique<QProcess>();
        prepare(*m_service, {QStringLiteral("system"), QStringLiteral("service"),
                             QStringLiteral("--time=0"),
                             QStringLiteral("unix://") + socketPath()});
        m_service->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_service->start();
        if (!m_service->waitForStarted())
            return QStringLiteral("podman system service did not start");
        return {};
    }

    // True once the socket answers GET /_ping with OK (for QTRY).
    bool answers() { return request("GET", "/v1.41/_ping").body == "OK"; }

    // One blocking request on the socket (test setup only).
    DockerAnswer request(const QByteArray &method, const QByteArray &path,
                         const QByteArray &json = {})
    {
        DockerAnswer answer;
        QLocalSocket socket;
        socket.connectToServer(socketPath());
        if (!socket.waitForConnected(2000))
            return answer;
        socket.write(QByteArray(method + ' ' + path
                                + " HTTP/1.1\r\nHost: docker\r\nConnection: close\r\n"
                                + "Content-Type: application/json\r\nContent-Length: "
                                + QByteArray::number(json.size()) + "\r\n\r\n" + json));
        QByteArray raw;
        while (socket.state() == QLocalSocket::ConnectedState && socket.waitForReadyRead(30000))
            raw += socket.readAll();
        raw += socket.readAll();
        const qsizetype headEnd = raw.indexOf("\r\n\r\n");
        if (headEnd < 0)
            return answer;
        answer.status = raw.mid(9, 3).toInt();
        QByteArray body = raw.mid(headEnd + 4);
        if (raw.left(headEnd).toLower().contains("transfer-encoding: chunked")) {
            QByteArray plain;
            while (true) {
                const qsizetype eol = body.indexOf("\r\n");
                const qsizetype size = eol < 0 ? 0 : body.left(eol).toLongLong(nullptr, 16);
                if (size <= 0)
                    break;
                plain += body.mid(eol + 2, size);
                body.remove(0, eol + 2 + size + 2);
            }
            body = plain;
        }
        answer.body = body;
        return answer;
    }

    // Creates (and starts) a container running `command`, with Docker's
    // HealthConfig `healthcheck` when given; its id.
    QString createContainer(const QString &name, const QString &command,
                            const QJsonObject &labels = {}, const QJsonObject &healthcheck = {},
                            int stopTimeout = 2)
    {
        QJsonObject spec{{QStringLiteral("Image"), QStringLiteral("localhost/hm-busybox:test")},
                         {QStringLiteral("Cmd"),
                          QJsonArray{QStringLiteral("/bin/sh"), QStringLiteral("-c"), command}},
                         {QStringLiteral("Labels"), labels},
                         {QStringLiteral("StopTimeout"), stopTimeout}};
        if (!healthcheck.isEmpty())
            spec.insert(QStringLiteral("Healthcheck"), healthcheck);
        const DockerAnswer created =
            request("POST", "/v1.41/containers/create?name=" + name.toLatin1(),
                    QJsonDocument(spec).toJson(QJsonDocument::Compact));
        const QString id = created.json().value(QStringLiteral("Id")).toString();
        if (created.status != 201 || id.isEmpty())
            return {};
        if (request("POST", "/v1.41/containers/" + id.toLatin1() + "/start").status != 204)
            return {};
        return id;
    }

    void stop()
    {
        if (!m_service)
            return;
        QProcess remove;
        prepare(remove, {QStringLiteral("rm"), QStringLiteral("-af"), QStringLiteral("-t"),
                         QStringLiteral("0")});
        remove.start();
        remove.waitForFinished(60000);
        m_service->terminate();
        if (!m_service->waitForFinished(10000)) {
            m_service->kill();
            m_service->waitForFinished(5000);
        }
        m_service.reset();
        killLeftovers();
    }

    ~PodmanDaemon() { stop(); }

    // `process` set up to run podman on this instance with `arguments`.
    void prepare(QProcess &process, const QStringList &arguments)
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("CONTAINERS_CONF"), path(QStringLiteral("containers.conf")));
        process.setProcessEnvironment(environment);
        process.setProgram(podman());
        process.setArguments(QStringList{QStringLiteral("--root"), path(QStringLiteral("root")),
                                         QStringLiteral("--runroot"), path(QStringLiteral("run")),
                                         QStringLiteral("--tmpdir"), path(QStringLiteral("tmp"))}
                             + arguments);
    }

private:

    // conmon processes of this instance (their command line names its
    // directory): podman daemonises them, so they are nobody's children.
    void killLeftovers()
    {
        const QByteArray mine = m_dir.path().toUtf8();
        QDirIterator proc(QStringLiteral("/proc"), QDir::Dirs | QDir::NoDotAndDotDot);
        while (proc.hasNext()) {
            const QString entry = proc.next();
            bool isPid = false;
            const qint64 pid = QFileInfo(entry).fileName().toLongLong(&isPid);
            if (!isPid)
                continue;
            QFile cmdline(entry + QStringLiteral("/cmdline"));
            if (!cmdline.open(QIODevice::ReadOnly))
                continue;
            const QByteArray text = cmdline.readAll();
            if (text.contains(mine) && (text.startsWith("/usr/bin/conmon") || text.contains("podman")))
                ::kill(pid_t(pid), SIGKILL);
        }
    }

    QTemporaryDir m_dir{QDir::tempPath() + QStringLiteral("/hm-podman-XXXXXX")};
    std::unique_ptr<QProcess> m_service;
};

} // namespace hm::test
