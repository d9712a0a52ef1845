#include "vpn/backend/LinuxWireGuardBackend.h"

#include "vpn/backend/WgBackendLogging.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFile>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QThread>

namespace hm::vpn {

namespace {

// wg quotes what it cannot read ("Key is not the correct length or format:
// `…'", "Line unrecognized: `…'"), which may be (part of) a key: any run
// of base64 long enough to be part of one leaves an error message as ***.
QString withoutKeys(QString text)
{
    static const QRegularExpression key(QStringLiteral("[A-Za-z0-9+/=]{12,}"));
    return text.replace(key, QStringLiteral("***"));
}

// Overwrites a key's bytes (no crypto library here: volatile stores the
// compiler keeps).
void wgWipe(QByteArray &bytes)
{
    volatile char *p = bytes.data();
    for (qsizetype i = 0; i < bytes.size(); ++i)
        p[i] = 0;
    bytes.clear();
}

Error toolError(const QString &what, const CommandResult &result)
{
    return Error{ErrorCode::InternalError,
                 QStringLiteral("%1: %2").arg(what, withoutKeys(result.firstErrorLine()))};
}

// "10.8.0.1/24" with the address in its canonical form (a bare address
// gets /32 or /128, as `ip` prints host routes); text that is no address
// stays as it is, for `ip` to refuse and the error to name.
QString canonicalPrefix(const QString &text)
{
    const qsizetype slash = text.indexOf(u'/');
    const QHostAddress address(slash < 0 ? text : text.left(slash));
    if (address.isNull())
        return text;
    const bool v4 = address.protocol() == QAbstractSocket::IPv4Protocol;
    bool ok = true;
    const int length = slash < 0 ? (v4 ? 32 : 128) : text.mid(slash + 1).toInt(&ok);
    if (!ok || length < 0 || length > (v4 ? 32 : 128))
        return text;
    return address.toString() + u'/' + QString::number(length);
}

QJsonArray jsonArrayOf(const QByteArray &bytes)
{
    return QJsonDocument::fromJson(bytes).array();
}

} // namespace

LinuxWireGuardBackend::LinuxWireGuardBackend(Options options) : m_options(std::move(options)) {}

CommandResult LinuxWireGuardBackend::run(const QString &program, QStringList arguments,
                                         const QByteArray &input) const
{
    QString executable = program;
    if (!m_options.netns.isEmpty()) {
        arguments =
            QStringList{QStringLiteral("netns"), QStringLiteral("exec"), m_options.netns, program} +
            arguments;
        executable = QStringLiteral("ip");
    }
    QElapsedTimer took;
    took.start();
    CommandResult result = runCommand(executable, arguments, input, m_options.timeoutMs);
    const qsizetype own = m_options.netns.isEmpty() ? 0 : 4; // past `ip netns exec NS`
    qCDebug(lcWgBackend).noquote() << program << arguments.mid(own) << "exit" << result.exitCode
                                   << "in" << took.elapsed() << "ms";
    // A slow tool holds up every change queued behind it: said in the log,
    // with what it was doing (the verb and the interface, never more).
    if (result.timedOut || took.elapsed() > m_options.timeoutMs / 3)
        qCWarning(lcWgBackend).noquote()
            << program << arguments.mid(own, 2).join(u' ')
            << (result.timedOut ? "killed after" : "took") << took.elapsed() << "ms";
    return result;
}

std::optional<LinuxWireGuardBackend::Mode> LinuxWireGuardBackend::detect(const QString &netns)
{
    LinuxWireGuardBackend probe({Mode::Kernel, netns, 5'000});
    const QString name =
        QStringLiteral("hmprobe%1").arg(QCoreApplication::applicationPid() % 100000);
    if (probe
            .run(QStringLiteral("ip"),
                 {QStringLiteral("link"), QStringLiteral("add"), QStringLiteral("dev"), name,
                  QStringLiteral("type"), QStringLiteral("wireguard")})
            .succeeded()) {
        probe.run(QStringLiteral("ip"),
                  {QStringLiteral("link"), QStringLiteral("del"), QStringLiteral("dev"), name});
        return Mode::Kernel;
    }
    if (!QStandardPaths::findExecutable(QStringLiteral("wireguard-go")).isEmpty())
        return Mode::Userspace;
    return std::nullopt;
}

QString LinuxWireGuardBackend::name() const
{
    return m_options.mode == Mode::Kernel ? QStringLiteral("linux-kernel")
                                          : QStringLiteral("linux-wireguard-go");
}

Status LinuxWireGuardBackend::createLink(const QString &name)
{
    if (m_options.mode == Mode::Kernel) {
        const CommandResult made =
            run(QStringLiteral("ip"),
                {QStringLiteral("link"), QStringLiteral("add"), QStringLiteral("dev"), name,
                 QStringLiteral("type"), QStringLiteral("wireguard")});
        if (!made.succeeded())
            return toolError(QStringLiteral("could not create interface %1").arg(name), made);
        return {};
    }
    // wireguard-go makes the device and its control socket, then leaves a
    // daemon behind that lives until the interface is deleted.
    const CommandResult made = run(QStringLiteral("wireguard-go"), {name});
    if (!made.succeeded()) {
        // It says nothing but its banner when another wireguard-go holds
        // the name's control socket (one whose device went with a deleted
        // namespace lingers so).
        if (QFile::exists(uapiSocketOf(name)))
            return Error{ErrorCode::Conflict,
                         QStringLiteral("wireguard-go could not create interface %1: another "
                                        "wireguard-go still holds %2")
                             .arg(name, uapiSocketOf(name))};
        return toolError(QStringLiteral("wireguard-go could not create interface %1").arg(name),
                         made);
    }
    // Its control socket may come a moment after the parent returns.
    const QDeadlineTimer deadline(m_options.timeoutMs);
    while (!run(QStringLiteral("wg"), {QStringLiteral("show"), name, QStringLiteral("listen-port")})
                .succeeded()) {
        if (deadline.hasExpired())
            return Error{
                ErrorCode::InternalError,
                QStringLiteral("wireguard-go did not bring up interface %1 in time").arg(name)};
        QThread::msleep(20);
    }
    return {};
}

Status LinuxWireGuardBackend::up(const InterfaceSpec &spec)
{
    auto state = linkState(spec.name);
    if (!state)
        return state.error();
    if (state->exists)
        return Error{ErrorCode::Conflict,
                     QStringLiteral("interface %1 exists already").arg(spec.name)};
    if (auto made = createLink(spec.name); !made)
        return made;

    // From here on a failure removes the half-made interface.
    const auto fail = [&](const Error &error) -> Status {
        (void)down(spec.name);
        return error;
    };
    const CommandResult set =
        run(QStringLiteral("wg"),
            {QStringLiteral("setconf"), spec.name, QStringLiteral("/dev/stdin")}, spec.setconf);
    if (!set.succeeded()) {
        // The port held by another program is the operator's to change,
        // not a fault of this server: CONFLICT naming the field.
        if (set.err.contains("Address already in use"))
            return fail(Error{ErrorCode::Conflict,
                              QStringLiteral("listen_port: another program on this host uses the "
                                             "port of %1")
                                  .arg(spec.name),
                              {{QStringLiteral("field"), QStringLiteral("listen_port")},
                               {QStringLiteral("reason"), QStringLiteral("port_in_use")}}});
        return fail(
            toolError(QStringLiteral("wg refused the configuration of %1").arg(spec.name), set));
    }
    if (auto addressed = syncAddresses(spec); !addressed)
        return fail(addressed.error());
    QStringList linkUp{QStringLiteral("link"), QStringLiteral("set"), QStringLiteral("dev"),
                       spec.name};
    if (spec.mtu > 0)
        linkUp << QStringLiteral("mtu") << QString::number(spec.mtu);
    linkUp << QStringLiteral("up");
    const CommandResult raised = run(QStringLiteral("ip"), linkUp);
    if (!raised.succeeded())
        return fail(toolError(QStringLiteral("could not bring up %1").arg(spec.name), raised));
    if (auto routed = syncRoutes(spec); !routed)
        return fail(routed.error());
    remember(spec.name, spec.setconf);
    qCInfo(lcWgBackend).noquote() << QStringLiteral("interface %1 up (%2)").arg(spec.name, name());
    return {};
}

Status LinuxWireGuardBackend::sync(const InterfaceSpec &spec)
{
    auto state = linkState(spec.name);
    if (!state)
        return state.error();
    if (!state->exists)
        return Error{ErrorCode::ResourceNotFound,
                     QStringLiteral("interface %1 is not running").arg(spec.name)};
    std::optional<Applied> before;
    {
        QMutexLocker lock(&m_appliedMutex);
        if (auto it = m_applied.constFind(spec.name); it != m_applied.cend())
            before = *it;
    }
    bool peersSet = false;
    WgSetconfDigest next;
    if (!before || before->instance != state->instance)
        next = digestOfSetconf(spec.setconf);
    else {
        QElapsedTimer took;
        took.start();
        WgPeerDelta delta = peerDelta(before->digest, spec.setconf, next);
        qCDebug(lcWgBackend).noquote()
            << "interface" << spec.name << "delta of" << next.peerHashes.size() << "peers in"
            << took.nsecsElapsed() / 1000 << "us";
        if (!delta.interfaceChanged &&
            delta.changed.size() + delta.removed.size() <= kIncrementalPeers)
            peersSet = applyPeerDelta(spec.name, delta);
        else
            for (WgPeerSetting &p : delta.changed)
                wgWipe(p.presharedKey); // read out of the text, not used
    }
    if (!peersSet) {
        const CommandResult synced = run(
            QStringLiteral("wg"),
            {QStringLiteral("syncconf"), spec.name, QStringLiteral("/dev/stdin")}, spec.setconf);
        if (!synced.succeeded())
            return toolError(QStringLiteral("wg refused the configuration of %1").arg(spec.name),
                             synced);
    }
    {
        QMutexLocker lock(&m_appliedMutex);
        m_applied.insert(spec.name, {state->instance, std::move(next)});
    }
    if (auto addressed = syncAddresses(spec); !addressed)
        return addressed;
    if (spec.mtu > 0) {
        const CommandResult mtu =
            run(QStringLiteral("ip"),
                {QStringLiteral("link"), QStringLiteral("set"), QStringLiteral("dev"), spec.name,
                 QStringLiteral("mtu"), QString::number(spec.mtu)});
        if (!mtu.succeeded())
            return toolError(QStringLiteral("could not set the MTU of %1").arg(spec.name), mtu);
    }
    return syncRoutes(spec);
}

Result<bool> LinuxWireGuardBackend::patchPeers(const PeerPatch &patch)
{
    auto state = linkState(patch.name);
    if (!state)
        return state.error();
    if (!state->exists)
        return Error{ErrorCode::ResourceNotFound,
                     QStringLiteral("interface %1 is not running").arg(patch.name)};
    QElapsedTimer took;
    took.start();
    WgSetconfDigest patchDigest;
    WgPeerDelta delta;
    {
        // The digest is read and changed only on the caller's one worker;
        // the lock is for down() and sync() from elsewhere.
        QMutexLocker lock(&m_appliedMutex);
        const auto it = m_applied.constFind(patch.name);
        if (it == m_applied.cend() || it->instance != state->instance)
            return false;
        delta = peerPatch(it->digest, patch.setconf, patch.removed, patchDigest);
    }
    qCDebug(lcWgBackend).noquote()
        << "interface" << patch.name << "patch of" << patchDigest.peerHashes.size() << "peers in"
        << took.nsecsElapsed() / 1000 << "us";
    if (delta.interfaceChanged || delta.changed.size() + delta.removed.size() > kIncrementalPeers) {
        for (WgPeerSetting &p : delta.changed)
            wgWipe(p.presharedKey); // read out of the text, not used
        return false;
    }
    if (!delta.changed.isEmpty() || !delta.removed.isEmpty()) {
        if (!applyPeerDelta(patch.name, delta)) {
            // Some peers may be set: only a whole sync knows the state now.
            QMutexLocker lock(&m_appliedMutex);
            m_applied.remove(patch.name);
            return false;
        }
    }
    {
        QMutexLocker lock(&m_appliedMutex);
        auto it = m_applied.find(patch.name);
        if (it == m_applied.end() || it->instance != state->instance)
            return false;
        applyPatch(it->digest, patchDigest, patch.removed);
    }
    for (const auto &[routes, verb] : {std::pair{&patch.routesAdded, QStringLiteral("replace")},
                                       std::pair{&patch.routesRemoved, QStringLiteral("del")}}) {
        for (const QString &route : *routes) {
            const CommandResult done =
                run(QStringLiteral("ip"),
                    {QStringLiteral("route"), verb, route, QStringLiteral("dev"), patch.name});
            if (!done.succeeded()) {
                qCWarning(lcWgBackend).noquote()
                    << "interface" << patch.name << "route" << route << "not changed (" << verb
                    << "); syncing the whole config";
                return false;
            }
        }
    }
    return true;
}

void LinuxWireGuardBackend::remember(const QString &name, const QByteArray &setconf)
{
    auto state = linkState(name);
    QMutexLocker lock(&m_appliedMutex);
    if (state && state->exists)
        m_applied.insert(name, {state->instance, digestOfSetconf(setconf)});
    else
        m_applied.remove(name);
}

bool LinuxWireGuardBackend::applyPeerDelta(const QString &name, WgPeerDelta &delta)
{
    const auto peerArguments = [](const WgPeerSetting &p, const QString &pskSource) {
        QStringList a{QStringLiteral("peer"),
                      p.publicKey,
                      QStringLiteral("preshared-key"),
                      pskSource,
                      QStringLiteral("allowed-ips"),
                      p.allowedIps.join(u','),
                      QStringLiteral("persistent-keepalive"),
                      p.keepalive > 0 ? QString::number(p.keepalive) : QStringLiteral("off")};
        if (!p.endpoint.isEmpty())
            a << QStringLiteral("endpoint") << p.endpoint;
        return a;
    };
    bool ok = true;
    // Peers without a preshared key and removals in one call; each peer
    // with one in a call of its own, the key on standard input.
    QStringList batch{QStringLiteral("set"), name};
    for (const QString &key : std::as_const(delta.removed))
        batch << QStringLiteral("peer") << key << QStringLiteral("remove");
    for (WgPeerSetting &p : delta.changed) {
        if (p.presharedKey.isEmpty()) {
            batch << peerArguments(p, QStringLiteral("/dev/null"));
            continue;
        }
        QByteArray input = p.presharedKey + '\n';
        const CommandResult set = run(QStringLiteral("wg"),
                                      QStringList{QStringLiteral("set"), name} +
                                          peerArguments(p, QStringLiteral("/dev/stdin")),
                                      input);
        wgWipe(input);
        wgWipe(p.presharedKey);
        ok = ok && set.succeeded();
    }
    if (batch.size() > 2)
        ok = ok && run(QStringLiteral("wg"), batch).succeeded();
    if (!ok)
        qCWarning(lcWgBackend).noquote()
            << "interface" << name << "peers not set one by one; syncing the whole config";
    return ok;
}

Status LinuxWireGuardBackend::reconcile(const QString &name, const QSet<QString> &current,
                                        const QSet<QString> &wanted, const QString &object,
                                        const QString &addVerb)
{
    // `ip address add|del X dev NAME`, `ip route replace|del X dev NAME`.
    for (const auto &[items, verb] : {std::pair{wanted - current, addVerb},
                                      std::pair{current - wanted, QStringLiteral("del")}}) {
        for (const QString &item : items) {
            const CommandResult done =
                run(QStringLiteral("ip"), {object, verb, item, QStringLiteral("dev"), name});
            if (!done.succeeded())
                return toolError(QStringLiteral("could not %1 %2 %3 on %4")
                                     .arg(verb == QLatin1String("del") ? QStringLiteral("remove")
                                                                       : QStringLiteral("add"),
                                          object, item, name),
                                 done);
        }
    }
    return {};
}

Status LinuxWireGuardBackend::syncAddresses(const InterfaceSpec &spec)
{
    const CommandResult shown =
        run(QStringLiteral("ip"), {QStringLiteral("-j"), QStringLiteral("address"),
                                   QStringLiteral("show"), QStringLiteral("dev"), spec.name});
    if (!shown.succeeded())
        return toolError(QStringLiteral("could not read the addresses of %1").arg(spec.name),
                         shown);
    QSet<QString> current;
    for (const QJsonValue &link : jsonArrayOf(shown.out)) {
        for (const QJsonValue &info : link[QStringLiteral("addr_info")].toArray()) {
            // The kernel's own link-local address is not ours to manage.
            if (info[QStringLiteral("scope")].toString() == QLatin1String("link"))
                continue;
            current.insert(
                canonicalPrefix(info[QStringLiteral("local")].toString() + u'/' +
                                QString::number(info[QStringLiteral("prefixlen")].toInt())));
        }
    }
    QSet<QString> wanted;
    for (const QString &address : spec.addresses)
        wanted.insert(canonicalPrefix(address));
    return reconcile(spec.name, current, wanted, QStringLiteral("address"), QStringLiteral("add"));
}

Status LinuxWireGuardBackend::syncRoutes(const InterfaceSpec &spec)
{
    // The routes HiveMind added earlier: every route through the interface
    // but the kernel's own (the addresses' subnets, link-local).
    QSet<QString> current;
    for (const char *family : {"-4", "-6"}) {
        const CommandResult shown =
            run(QStringLiteral("ip"),
                {QString::fromLatin1(family), QStringLiteral("-j"), QStringLiteral("route"),
                 QStringLiteral("show"), QStringLiteral("dev"), spec.name});
        if (!shown.succeeded())
            return toolError(QStringLiteral("could not read the routes of %1").arg(spec.name),
                             shown);
        for (const QJsonValue &route : jsonArrayOf(shown.out)) {
            if (route[QStringLiteral("protocol")].toString() == QLatin1String("kernel"))
                continue;
            QString dst = route[QStringLiteral("dst")].toString();
            if (dst == QLatin1String("default"))
                dst = qstrcmp(family, "-4") == 0 ? QStringLiteral("0.0.0.0/0")
                                                 : QStringLiteral("::/0");
            current.insert(canonicalPrefix(dst));
        }
    }
    QSet<QString> wanted;
    for (const QString &route : spec.routes)
        wanted.insert(canonicalPrefix(route));
    return reconcile(spec.name, current, wanted, QStringLiteral("route"),
                     QStringLiteral("replace"));
}

Status LinuxWireGuardBackend::down(const QString &name)
{
    auto state = linkState(name);
    if (!state)
        return state.error();
    if (!state->exists)
        return {};
    const CommandResult removed =
        run(QStringLiteral("ip"),
            {QStringLiteral("link"), QStringLiteral("del"), QStringLiteral("dev"), name});
    if (!removed.succeeded())
        return toolError(QStringLiteral("could not remove interface %1").arg(name), removed);
    if (m_options.mode == Mode::Userspace) {
        // wireguard-go leaves when its device goes, a moment later (longer
        // with many peers); until then a new one of the same name cannot
        // start. Down means gone: wait for its control socket to go.
        const QDeadlineTimer deadline(m_options.timeoutMs);
        while (QFile::exists(uapiSocketOf(name))) {
            if (deadline.hasExpired())
                return Error{
                    ErrorCode::InternalError,
                    QStringLiteral("wireguard-go of interface %1 did not exit in time").arg(name)};
            QThread::msleep(10);
        }
    }
    {
        QMutexLocker lock(&m_appliedMutex);
        m_applied.remove(name);
    }
    qCInfo(lcWgBackend).noquote() << "interface" << name << "down";
    return {};
}

Result<QByteArray> LinuxWireGuardBackend::dump(const QString &name)
{
    CommandResult shown =
        run(QStringLiteral("wg"), {QStringLiteral("show"), name, QStringLiteral("dump")});
    if (!shown.succeeded()) {
        auto state = linkState(name);
        if (state && !state->exists)
            return Error{ErrorCode::ResourceNotFound,
                         QStringLiteral("interface %1 is not running").arg(name)};
        return toolError(QStringLiteral("could not read the status of %1").arg(name), shown);
    }
    return std::move(shown.out);
}

Result<QString> LinuxWireGuardBackend::publicKey(const QString &name)
{
    // One line, no private key: not the whole dump of up to 10,000 peers.
    const CommandResult shown =
        run(QStringLiteral("wg"), {QStringLiteral("show"), name, QStringLiteral("public-key")});
    if (!shown.succeeded())
        return toolError(QStringLiteral("could not read the public key of %1").arg(name), shown);
    const QString key = QString::fromLatin1(shown.out).trimmed();
    if (key.isEmpty() || key == QLatin1String("(none)"))
        return Error{ErrorCode::InternalError,
                     QStringLiteral("interface %1 has no public key").arg(name)};
    return key;
}

QString LinuxWireGuardBackend::uapiSocketOf(const QString &name)
{
    return QStringLiteral("/var/run/wireguard/") + name + QStringLiteral(".sock");
}

QString LinuxWireGuardBackend::bootId()
{
    static const QString id = [] {
        QFile file(QStringLiteral("/proc/sys/kernel/random/boot_id"));
        if (!file.open(QIODevice::ReadOnly))
            return QStringLiteral("unknown-boot");
        return QString::fromLatin1(file.readAll().trimmed());
    }();
    return id;
}

Result<LinkState> LinuxWireGuardBackend::linkState(const QString &name)
{
    const CommandResult shown = run(
        QStringLiteral("ip"), {QStringLiteral("-j"), QStringLiteral("-s"), QStringLiteral("link"),
                               QStringLiteral("show"), QStringLiteral("dev"), name});
    LinkState state;
    if (!shown.started || shown.timedOut)
        return toolError(QStringLiteral("could not read interface %1").arg(name), shown);
    // `ip` says "Device "x" does not exist." and exits 1.
    if (shown.exitCode != 0)
        return state;
    const QJsonObject link = jsonArrayOf(shown.out).at(0).toObject();
    if (link.isEmpty())
        return state;
    state.exists = true;
    state.ifindex = link[QStringLiteral("ifindex")].toInt();
    state.up = link[QStringLiteral("flags")].toArray().contains(QStringLiteral("UP"));
    // ifindex grows with every interface made in a namespace until the
    // namespace (or the machine) starts again: the boot id and the
    // namespace's name tell those apart.
    state.instance = bootId() + u'/' + m_options.netns + u'/' + QString::number(state.ifindex);
    const QJsonObject stats = link[QStringLiteral("stats64")].toObject();
    state.rxBytes = qint64(stats[QStringLiteral("rx")][QStringLiteral("bytes")].toDouble());
    state.txBytes = qint64(stats[QStringLiteral("tx")][QStringLiteral("bytes")].toDouble());
    state.rxPackets = qint64(stats[QStringLiteral("rx")][QStringLiteral("packets")].toDouble());
    state.txPackets = qint64(stats[QStringLiteral("tx")][QStringLiteral("packets")].toDouble());
    return state;
}

} // namespace hm::vpn
