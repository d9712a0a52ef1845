#include "agent/NginxHandlers.h"

#include "agent/NginxConfigText.h"
#include "agent/NginxErrorLog.h"
#include "agent/NginxFiles.h"
#include "agent/NginxTool.h"
#include "agent/RemoteDispatcher.h"
#include "fleet/AgentProtocol.h"
#include "fleet/NginxNames.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QTimer>
#include <cerrno>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <deque>
#include <memory>
#include <optional>

namespace hm::agent {

namespace {

Q_LOGGING_CATEGORY(lcNginx, "hivemind.agent.nginx")

constexpr int kNginxTestTimeoutMs = 20000;
constexpr int kNginxSignalTimeoutMs = 10000;
constexpr int kNginxStartTimeoutMs = 15000;
constexpr int kNginxStopWaitMs = 20000;
constexpr int kNginxPidWaitMs = 10000;
// How long a reload waits for the old workers to take their leave once
// the new ones run.
constexpr int kNginxReloadSettleMs = 3000;
// How long a reload waits for nginx's verdict (new workers or an [emerg]):
// well within the server's 45 s for a change, nginx -t included.
constexpr int kNginxReloadAnswerMs = 15000;
constexpr int kOpensslTimeoutMs = 30000;
constexpr int kMaxListedSites = 1000;
// What one list or certificate search reads of the site files in all: they
// are read on the agent's thread, so a directory of huge files must not
// stall it. Beyond, sites are listed from their file's size alone.
constexpr qint64 kSiteReadBudgetBytes = 4 * 1024 * 1024;
constexpr int kMaxCertificateDays = 3650;
// Room in one response for the envelope around a config text or a list.
constexpr qsizetype kNginxAnswerBudget = fleet::kMaxAgentResponseBytes - 8192;
// nginx's own words: the error message (it reaches people) and the output.
constexpr qsizetype kNginxMessageLimit = 800;
constexpr qsizetype kNginxOutputLimit = 4000;

using Reply = RemoteDispatcher::Reply;
using Next = std::function<void()>;

// What the handlers share: the settings, and the changes waiting their
// turn (two edits interleaved would restore each other's files).
class NginxState : public QObject
{
public:
    explicit NginxState(NginxSettings settings) : settings(std::move(settings)) {}

    const NginxSettings settings;
    // `nginx -V`'s paths, once asked (withNginxBuildPaths).
    std::optional<NginxBuildPaths> buildPaths;

    // `job` runs after every change queued before it; it calls `next`
    // once it has answered.
    void enqueue(std::function<void(Next next)> job)
    {
        m_jobs.push_back(std::move(job));
        if (!m_busy)
            runNext();
    }

private:
    void runNext()
    {
        if (m_jobs.empty()) {
            m_busy = false;
            return;
        }
        m_busy = true;
        auto job = std::move(m_jobs.front());
        m_jobs.pop_front();
        job([this] { QTimer::singleShot(0, this, [this] { runNext(); }); });
    }

    std::deque<std::function<void(Next)>> m_jobs;
    bool m_busy = false;
};

using State = std::shared_ptr<NginxState>;

Error nginxError(ErrorCode code, const QString &message, const QString &reason,
                 QJsonObject details = {})
{
    details.insert(QStringLiteral("code"), reason);
    return Error{code, message, details};
}

Error nginxArgError(const QString &field, const QString &message)
{
    return Error{ErrorCode::ValidationError, message,
                 QJsonObject{{QStringLiteral("field"), field}}};
}

Result<QString> nginxStringArg(const QJsonObject &args, const QString &field)
{
    const QJsonValue value = args.value(field);
    if (!value.isString())
        return nginxArgError(field, QStringLiteral("%1 is required (a string)").arg(field));
    return value.toString();
}

Result<QString> siteNameArg(const QJsonObject &args)
{
    auto name = nginxStringArg(args, QStringLiteral("name"));
    if (!name)
        return name.error();
    if (Status valid = fleet::checkNginxSiteName(name.value()); !valid)
        return valid.error();
    return name;
}

Result<QString> domainArg(const QJsonObject &args)
{
    auto domain = nginxStringArg(args, QStringLiteral("domain"));
    if (!domain)
        return domain.error();
    if (Status valid = fleet::checkNginxDomain(domain.value()); !valid)
        return valid.error();
    return domain->toLower();
}

Result<QString> contentArg(const QJsonObject &args)
{
    auto content = nginxStringArg(args, QStringLiteral("content"));
    if (!content)
        return content.error();
    if (Status valid = fleet::checkNginxConfigText(content.value()); !valid)
        return valid.error();
    return content;
}

QString sha256Of(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QStringList nginxArgs(const NginxSettings &s, QStringList first)
{
    first << QStringLiteral("-c") << s.conf;
    if (!s.prefix.isEmpty())
        first << QStringLiteral("-p") << s.prefix;
    return first;
}

// Relative paths in nginx's config are relative to the prefix (pid) or to
// the config file's directory (certificates).
QString nginxPidFile(const NginxSettings &s)
{
    if (!s.pidFile.isEmpty())
        return s.pidFile;
    auto conf = readNginxFile(s.conf, fleet::kMaxNginxConfigBytes);
    const QString fromConf = conf ? nginxPidDirective(QString::fromUtf8(conf.value())) : QString();
    if (fromConf.isEmpty())
        return QStringLiteral("/run/nginx.pid");
    if (QDir::isAbsolutePath(fromConf))
        return fromConf;
    const QString base = s.prefix.isEmpty() ? QFileInfo(s.conf).absolutePath() : s.prefix;
    return QDir(base).filePath(fromConf);
}

// Alive and nginx: a stale pid file may name a process that reused the id.
bool nginxProcessAlive(qint64 pid)
{
    if (pid <= 0)
        return false;
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (stat.open(QIODevice::ReadOnly)) {
        const QByteArray line = stat.readAll();
        const qsizetype open = line.indexOf('('), close = line.lastIndexOf(')');
        if (open < 0 || close < open || close + 2 >= line.size())
            return false;
        const char state = line.at(close + 2);
        return line.mid(open + 1, close - open - 1).startsWith("nginx") && state != 'Z' &&
               state != 'X';
    }
    return ::kill(pid_t(pid), 0) == 0 || errno == EPERM;
}

qint64 runningNginxPid(const NginxSettings &s)
{
    QFile file(nginxPidFile(s));
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    bool ok = false;
    const qint64 pid = file.read(64).trimmed().toLongLong(&ok);
    return ok && nginxProcessAlive(pid) ? pid : 0;
}

// The master's children (its workers and cache processes) from /proc.
QList<qint64> nginxChildren(qint64 master)
{
    QList<qint64> children;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &entry : entries) {
        bool isPid = false;
        const qint64 pid = entry.toLongLong(&isPid);
        if (!isPid)
            continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray line = stat.readAll();
        const qsizetype close = line.lastIndexOf(')');
        const QList<QByteArray> fields = line.mid(close + 2).split(' ');
        if (close > 0 && fields.size() > 1 && fields.at(0) != "Z" &&
            fields.at(1).toLongLong() == master)
            children.append(pid);
    }
    return children;
}

// Whether a worker took its master's order to leave (it renames itself).
bool nginxWorkerLeaving(qint64 pid)
{
    QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
    return !cmdline.open(QIODevice::ReadOnly) || cmdline.read(256).contains("shutting down");
}

// nginx's refusal: the first [emerg] line as the message, the rest bounded.
Error configInvalid(const ToolOutcome &outcome, const QString &what)
{
    const QString output = outcome.text(kNginxOutputLimit);
    QString reason;
    for (const QString &line : output.split(u'\n'))
        if (line.contains(QStringLiteral("[emerg]")) || line.contains(QStringLiteral("[alert]")) ||
            line.contains(QStringLiteral("[crit]"))) {
            reason = line.trimmed();
            break;
        }
    if (reason.isEmpty())
        reason = outcome.timedOut ? QStringLiteral("nginx did not answer in time")
                                  : output.section(u'\n', 0, 0);
    return nginxError(ErrorCode::ValidationError,
                      QStringLiteral("%1: %2").arg(what, reason.left(kNginxMessageLimit)),
                      QStringLiteral("NGINX_CONFIG_INVALID"),
                      QJsonObject{{QStringLiteral("output"), output}});
}

void testNginxConfig(const State &state, std::function<void(const ToolOutcome &)> done)
{
    runTool(state->settings.binary, nginxArgs(state->settings, {QStringLiteral("-t")}),
            kNginxTestTimeoutMs, state.get(), std::move(done));
}

// Checks `alive` every 100 ms until it holds (true) or `timeoutMs` passed.
void waitUntil(QObject *context, std::function<bool()> condition, int timeoutMs,
               std::function<void(bool)> done)
{
    auto *timer = new QTimer(context);
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    timer->setInterval(100);
    QObject::connect(
        timer, &QTimer::timeout, timer,
        [timer, clock, condition = std::move(condition), timeoutMs, done = std::move(done)] {
            const bool met = condition();
            if (!met && clock->elapsed() < timeoutMs)
                return;
            timer->stop();
            timer->deleteLater();
            done(met);
        });
    timer->start();
}

void restoreAll(const QList<NginxFileBackup> &backups)
{
    for (auto it = backups.crbegin(); it != backups.crend(); ++it)
        if (Status restored = restoreNginxFile(*it); !restored)
            qCCritical(lcNginx).noquote()
                << QStringLiteral("could not restore %1 after a refused change: %2")
                       .arg(it->path, restored.error().message);
}

// nginx's build paths (`nginx -V`), asked once: where its error log is
// when the config names none, and the prefix relative paths are under.
void withNginxBuildPaths(const State &state, std::function<void()> next)
{
    if (state->buildPaths)
        return next();
    runTool(state->settings.binary, {QStringLiteral("-V")}, kNginxTestTimeoutMs, state.get(),
            [state, next = std::move(next)](const ToolOutcome &version) {
                state->buildPaths = parseNginxBuildPaths(QString::fromUtf8(version.output));
                next();
            });
}

// The error logs the master writes to, from the main config on disk.
QList<NginxLogMark> markNginxErrorLogs(const NginxSettings &settings, const NginxBuildPaths &build)
{
    auto conf = readNginxFile(settings.conf, fleet::kMaxNginxConfigBytes);
    const QString text = conf ? QString::fromUtf8(conf.value()) : QString();
    const QString prefix = settings.prefix.isEmpty() ? build.prefix : settings.prefix;
    return markNginxLogs(nginxErrorLogFiles(text, prefix, build));
}

// The workers `before` a reload that still serve: not gone, not leaving.
QList<qint64> oldWorkersServing(qint64 master, const QList<qint64> &before)
{
    const QList<qint64> now = nginxChildren(master);
    QList<qint64> serving;
    for (const qint64 pid : before)
        if (now.contains(pid) && !nginxWorkerLeaving(pid))
            serving.append(pid);
    return serving;
}

bool newWorkerStarted(qint64 master, const QList<qint64> &before)
{
    for (const qint64 pid : nginxChildren(master))
        if (!before.contains(pid))
            return true;
    return false;
}

// After the reload signal, nginx's verdict (see reloadNginx).
void awaitReloadVerdict(const State &state, qint64 master, const QList<qint64> &before,
                        const QList<NginxLogMark> &logs, const ToolOutcome &reloaded,
                        std::function<void(const ToolOutcome &)> done)
{
    auto refusal = std::make_shared<QString>();
    auto renewedFor = std::make_shared<QElapsedTimer>(); // since new workers run
    const auto judged = [master, before, logs, refusal, renewedFor] {
        *refusal = nginxEmergSince(logs);
        if (!refusal->isEmpty())
            return true;
        if (!renewedFor->isValid()) {
            if (!newWorkerStarted(master, before))
                return false;
            renewedFor->start();
        }
        return oldWorkersServing(master, before).isEmpty() ||
               renewedFor->elapsed() >= kNginxReloadSettleMs;
    };
    waitUntil(state.get(), judged, kNginxReloadAnswerMs,
              [master, before, refusal, renewedFor, reloaded, done = std::move(done)](bool) {
                  if (!refusal->isEmpty() || !renewedFor->isValid()) {
                      // The master kept its previous config: its own [emerg]
                      // says why, else it started no worker of the new one
                      // in all that time.
                      ToolOutcome kept = reloaded;
                      kept.exitCode = 1;
                      const QByteArray why =
                          refusal->isEmpty()
                              ? QByteArrayLiteral("[emerg] nginx kept serving its previous "
                                                  "configuration: no worker started with the "
                                                  "new one (nginx's error log says why)")
                              : refusal->toUtf8();
                      kept.output = why + '\n' + reloaded.output;
                      return done(kept);
                  }
                  for (const qint64 pid : oldWorkersServing(master, before)) {
                      qCWarning(lcNginx).noquote()
                          << QStringLiteral("nginx worker %1 still serves the old config after "
                                            "a reload; asking it to leave")
                                 .arg(pid);
                      ::kill(pid_t(pid), SIGQUIT);
                  }
                  done(reloaded);
              });
}

// nginx -s reload, answered once nginx has judged the new config, so what
// the answer says is what nginx serves. It took it once a worker of the
// new config runs and the old ones left; an old one still serving
// kNginxReloadSettleMs after that (seen with a reload right after a start)
// is asked to leave. It refused it when it wrote an [emerg] to its error
// log after the signal (a port another program holds passes nginx -t; it
// keeps serving the old config): the reload failed. A slow master is
// waited for, not judged by the clock; only one that did neither within
// kNginxReloadAnswerMs is taken as having refused.
void reloadNginx(const State &state, std::function<void(const ToolOutcome &)> done)
{
    withNginxBuildPaths(state, [state, done = std::move(done)]() mutable {
        const qint64 master = runningNginxPid(state->settings);
        const QList<qint64> before = nginxChildren(master);
        const QList<NginxLogMark> logs = markNginxErrorLogs(state->settings, *state->buildPaths);
        runTool(state->settings.binary,
                nginxArgs(state->settings, {QStringLiteral("-s"), QStringLiteral("reload")}),
                kNginxSignalTimeoutMs, state.get(),
                [state, master, before, logs, done = std::move(done)](const ToolOutcome &reloaded) {
                    if (!reloaded.succeeded() || before.isEmpty())
                        return done(reloaded);
                    awaitReloadVerdict(state, master, before, logs, reloaded, done);
                });
    });
}

// The heart of every change: `mutate` writes the new files (their old
// state is in `backups`), nginx -t judges, a running nginx reloads; any
// refusal puts `backups` back. Answers `result` plus {tested, reloaded}.
void applyNginxChange(const State &state, QList<NginxFileBackup> backups,
                      const std::function<Status()> &mutate, QJsonObject result, Reply reply,
                      Next next)
{
    if (Status changed = mutate(); !changed) {
        restoreAll(backups);
        reply(changed.error());
        return next();
    }
    testNginxConfig(state, [state, backups, result, reply, next](const ToolOutcome &tested) {
        if (!tested.succeeded()) {
            restoreAll(backups);
            reply(configInvalid(tested, QStringLiteral("nginx refused the configuration")));
            return next();
        }
        if (runningNginxPid(state->settings) <= 0) {
            QJsonObject answer = result;
            answer.insert(QStringLiteral("tested"), true);
            answer.insert(QStringLiteral("reloaded"), false);
            reply(answer);
            return next();
        }
        reloadNginx(state, [backups, result, reply, next](const ToolOutcome &reloaded) {
            if (!reloaded.succeeded()) {
                restoreAll(backups);
                reply(configInvalid(reloaded, QStringLiteral("nginx did not reload")));
                return next();
            }
            QJsonObject answer = result;
            answer.insert(QStringLiteral("tested"), true);
            answer.insert(QStringLiteral("reloaded"), true);
            reply(answer);
            next();
        });
    });
}

// Refuses an answer that would not fit one response frame.
Result<QJsonObject> bounded(QJsonObject answer)
{
    if (QJsonDocument(answer).toJson(QJsonDocument::Compact).size() > kNginxAnswerBudget)
        return Error{ErrorCode::PayloadTooLarge,
                     QStringLiteral("the answer would not fit one agent response")};
    return answer;
}

QString sitePath(const NginxSettings &s, const QString &name)
{
    return QDir(s.sitesAvailable).filePath(name);
}

QString enabledPath(const NginxSettings &s, const QString &name)
{
    return QDir(s.sitesEnabled).filePath(name);
}

bool siteEnabled(const NginxSettings &s, const QString &name)
{
    const QFileInfo link(enabledPath(s, name));
    return link.exists() || link.isSymLink();
}

QString isoTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODate);
}

// A site's summary: where it listens, for which names.
QJsonObject siteJson(const NginxSettings &s, const QString &name, const QByteArray *content)
{
    const QFileInfo info(sitePath(s, name));
    QJsonObject site{{QStringLiteral("name"), name},
                     {QStringLiteral("enabled"), siteEnabled(s, name)},
                     {QStringLiteral("size"), info.size()},
                     {QStringLiteral("modified"), isoTime(info.lastModified())}};
    QStringList names, listen;
    if (content) {
        for (const NginxServerBlock &block : nginxServerBlocks(QString::fromUtf8(*content))) {
            for (const QString &n : block.serverNames)
                if (!names.contains(n))
                    names.append(n);
            for (const QString &l : block.listen)
                if (!listen.contains(l))
                    listen.append(l);
        }
    }
    site.insert(QStringLiteral("server_name"), QJsonArray::fromStringList(names));
    site.insert(QStringLiteral("listen"), QJsonArray::fromStringList(listen));
    return site;
}

// ---- service: status, start, stop, restart, reload -------------------

void nginxStatus(const State &state, const Reply &reply)
{
    runTool(
        state->settings.binary, {QStringLiteral("-v")}, kNginxSignalTimeoutMs, state.get(),
        [state, reply](const ToolOutcome &version) {
            if (!version.started)
                return reply(nginxError(ErrorCode::ComponentUnavailable,
                                        QStringLiteral("nginx cannot be run at %1: %2")
                                            .arg(state->settings.binary, version.startError),
                                        QStringLiteral("NGINX_NOT_INSTALLED")));
            QString versionText = version.text(200);
            if (const qsizetype at = versionText.indexOf(QStringLiteral("nginx/")); at >= 0)
                versionText = versionText.mid(at + 6).section(u'\n', 0, 0).trimmed();
            testNginxConfig(state, [state, reply, versionText](const ToolOutcome &tested) {
                const qint64 pid = runningNginxPid(state->settings);
                reply(QJsonObject{{QStringLiteral("running"), pid > 0},
                                  {QStringLiteral("pid"), pid > 0 ? QJsonValue(pid) : QJsonValue()},
                                  {QStringLiteral("version"), versionText},
                                  {QStringLiteral("config_ok"), tested.succeeded()},
                                  {QStringLiteral("config_test"), tested.text(kNginxOutputLimit)},
                                  {QStringLiteral("binary"), state->settings.binary},
                                  {QStringLiteral("conf"), state->settings.conf}});
            });
        });
}

using Outcome = std::function<void(Result<QJsonObject>)>;

// Starts nginx (config already tested) and waits for its pid file.
void startNginx(const State &state, const Outcome &done)
{
    runTool(
        state->settings.binary, nginxArgs(state->settings, {}), kNginxStartTimeoutMs, state.get(),
        [state, done](const ToolOutcome &started) {
            if (!started.succeeded())
                return done(nginxError(
                    ErrorCode::ServiceUnavailable,
                    QStringLiteral("nginx did not start: %1").arg(started.text(kNginxMessageLimit)),
                    QStringLiteral("NGINX_START_FAILED"),
                    QJsonObject{{QStringLiteral("output"), started.text(kNginxOutputLimit)}}));
            waitUntil(
                state.get(), [state] { return runningNginxPid(state->settings) > 0; },
                kNginxPidWaitMs,
                [state, done](bool running) {
                    if (!running)
                        return done(
                            nginxError(ErrorCode::ServiceUnavailable,
                                       QStringLiteral("nginx started but wrote no pid file at %1")
                                           .arg(nginxPidFile(state->settings)),
                                       QStringLiteral("NGINX_START_FAILED")));
                    done(QJsonObject{{QStringLiteral("running"), true},
                                     {QStringLiteral("pid"), runningNginxPid(state->settings)}});
                });
        });
}

// Asks nginx to finish its requests and leave, and waits until it has.
void stopNginx(const State &state, qint64 pid, const Outcome &done)
{
    runTool(
        state->settings.binary,
        nginxArgs(state->settings, {QStringLiteral("-s"), QStringLiteral("quit")}),
        kNginxSignalTimeoutMs, state.get(), [state, pid, done](const ToolOutcome &quit) {
            if (!quit.succeeded())
                return done(nginxError(
                    ErrorCode::ServiceUnavailable,
                    QStringLiteral("nginx -s quit failed: %1").arg(quit.text(kNginxMessageLimit)),
                    QStringLiteral("NGINX_STOP_FAILED")));
            waitUntil(
                state.get(), [pid] { return !nginxProcessAlive(pid); }, kNginxStopWaitMs,
                [pid, done](bool gone) {
                    if (!gone)
                        return done(nginxError(
                            ErrorCode::Timeout,
                            QStringLiteral("nginx (pid %1) is still finishing its requests")
                                .arg(pid),
                            QStringLiteral("NGINX_STOP_TIMEOUT")));
                    done(QJsonObject{{QStringLiteral("running"), false},
                                     {QStringLiteral("pid"), pid}});
                });
        });
}

Outcome answerThenNext(const Reply &reply, const Next &next)
{
    return [reply, next](Result<QJsonObject> outcome) {
        reply(std::move(outcome));
        next();
    };
}

// nginx -t first: a refused configuration is answered (and the queue goes
// on); a valid one goes on to `then`.
void whenConfigValid(const State &state, const Reply &reply, const Next &next,
                     std::function<void()> then)
{
    testNginxConfig(state, [reply, next, then = std::move(then)](const ToolOutcome &tested) {
        if (!tested.succeeded()) {
            reply(configInvalid(tested, QStringLiteral("nginx refused the configuration")));
            return next();
        }
        then();
    });
}

// The running nginx's pid; 0 when none runs, after answering
// NGINX_NOT_RUNNING (stop and reload need one).
qint64 runningPidOrRefusal(const State &state, const Reply &reply)
{
    const qint64 pid = runningNginxPid(state->settings);
    if (pid <= 0)
        reply(nginxError(ErrorCode::Conflict, QStringLiteral("nginx is not running"),
                         QStringLiteral("NGINX_NOT_RUNNING")));
    return pid > 0 ? pid : 0;
}

void addServiceHandlers(RemoteDispatcher &dispatcher, const State &state)
{
    const QString nginx = QStringLiteral("nginx");
    dispatcher.addHandler(
        nginx, QStringLiteral("status"),
        [state](const QJsonObject &, const Reply &reply) { nginxStatus(state, reply); });
    dispatcher.addHandler(
        nginx, QStringLiteral("start"), [state](const QJsonObject &, const Reply &reply) {
            state->enqueue([state, reply](const Next &next) {
                if (const qint64 pid = runningNginxPid(state->settings); pid > 0) {
                    reply(nginxError(ErrorCode::Conflict,
                                     QStringLiteral("nginx is already running (pid %1)").arg(pid),
                                     QStringLiteral("NGINX_ALREADY_RUNNING")));
                    return next();
                }
                whenConfigValid(state, reply, next, [state, reply, next] {
                    startNginx(state, answerThenNext(reply, next));
                });
            });
        });
    dispatcher.addHandler(nginx, QStringLiteral("stop"),
                          [state](const QJsonObject &, const Reply &reply) {
                              state->enqueue([state, reply](const Next &next) {
                                  const qint64 pid = runningPidOrRefusal(state, reply);
                                  if (pid <= 0)
                                      return next();
                                  stopNginx(state, pid, answerThenNext(reply, next));
                              });
                          });
    // Tested first: a restart never stops an nginx it could not start again.
    dispatcher.addHandler(
        nginx, QStringLiteral("restart"), [state](const QJsonObject &, const Reply &reply) {
            state->enqueue([state, reply](const Next &next) {
                whenConfigValid(state, reply, next, [state, reply, next] {
                    const qint64 pid = runningNginxPid(state->settings);
                    if (pid <= 0)
                        return startNginx(state, answerThenNext(reply, next));
                    stopNginx(state, pid, [state, reply, next](Result<QJsonObject> stopped) {
                        if (!stopped) {
                            reply(stopped.error());
                            return next();
                        }
                        startNginx(state, answerThenNext(reply, next));
                    });
                });
            });
        });
    dispatcher.addHandler(
        nginx, QStringLiteral("reload"), [state](const QJsonObject &, const Reply &reply) {
            state->enqueue([state, reply](const Next &next) {
                const qint64 pid = runningPidOrRefusal(state, reply);
                if (pid <= 0)
                    return next();
                whenConfigValid(state, reply, next, [state, reply, next, pid] {
                    reloadNginx(state, [reply, next, pid](const ToolOutcome &reloaded) {
                        if (!reloaded.succeeded())
                            reply(configInvalid(reloaded, QStringLiteral("nginx did not reload")));
                        else
                            reply(QJsonObject{{QStringLiteral("reloaded"), true},
                                              {QStringLiteral("running"), true},
                                              {QStringLiteral("pid"), pid}});
                        next();
                    });
                });
            });
        });
}

// ---- the main config -------------------------------------------------

// A change guarded by `expected_sha256` when the caller sent one: an
// editor's save does not overwrite what someone else saved meanwhile.
Status checkExpectedSha(const QJsonObject &args, const NginxFileBackup &backup)
{
    const QJsonValue expected = args.value(QStringLiteral("expected_sha256"));
    if (expected.isUndefined() || expected.isNull())
        return {};
    if (!expected.isString())
        return nginxArgError(QStringLiteral("expected_sha256"),
                             QStringLiteral("expected_sha256 must be a string"));
    if (expected.toString().toLower() != sha256Of(backup.content))
        return nginxError(ErrorCode::Conflict, QStringLiteral("the file changed since it was read"),
                          QStringLiteral("VERSION_MISMATCH"),
                          QJsonObject{{QStringLiteral("sha256"), sha256Of(backup.content)}});
    return {};
}

void addConfigHandlers(RemoteDispatcher &dispatcher, const State &state)
{
    const QString nginx = QStringLiteral("nginx");
    dispatcher.addHandler(
        nginx, QStringLiteral("config_get"), [state](const QJsonObject &, const Reply &reply) {
            const QString path = state->settings.conf;
            auto content = readNginxFile(path, fleet::kMaxNginxConfigBytes);
            if (!content)
                return reply(content.error());
            reply(bounded({{QStringLiteral("path"), path},
                           {QStringLiteral("content"), QString::fromUtf8(content.value())},
                           {QStringLiteral("size"), content->size()},
                           {QStringLiteral("sha256"), sha256Of(content.value())},
                           {QStringLiteral("modified"), isoTime(QFileInfo(path).lastModified())}}));
        });
    dispatcher.addHandler(
        nginx, QStringLiteral("config_update"),
        [state](const QJsonObject &args, const Reply &reply) {
            auto content = contentArg(args);
            if (!content)
                return reply(content.error());
            state->enqueue([state, args, reply, text = content.value()](const Next &next) {
                const QString path = state->settings.conf;
                auto backup = backUpNginxFile(path, fleet::kMaxNginxConfigBytes);
                if (!backup) {
                    reply(backup.error());
                    return next();
                }
                if (Status current = checkExpectedSha(args, backup.value()); !current) {
                    reply(current.error());
                    return next();
                }
                const QByteArray bytes = text.toUtf8();
                applyNginxChange(
                    state, {backup.value()}, [path, bytes] { return writeNginxFile(path, bytes); },
                    {{QStringLiteral("path"), path},
                     {QStringLiteral("size"), bytes.size()},
                     {QStringLiteral("sha256"), sha256Of(bytes)}},
                    reply, next);
            });
        });
}

// ---- sites -----------------------------------------------------------

Error siteMissing(const QString &name)
{
    return nginxError(ErrorCode::ResourceNotFound,
                      QStringLiteral("there is no site \"%1\"").arg(name),
                      QStringLiteral("SITE_NOT_FOUND"));
}

void addSiteReadHandlers(RemoteDispatcher &dispatcher, const State &state)
{
    const QString nginx = QStringLiteral("nginx");
    dispatcher.addHandler(
        nginx, QStringLiteral("sites_list"), [state](const QJsonObject &, const Reply &reply) {
            const NginxSettings &s = state->settings;
            const QFileInfoList files =
                QDir(s.sitesAvailable).entryInfoList(QDir::Files | QDir::Hidden, QDir::Name);
            QJsonArray sites;
            qsizetype budget = kNginxAnswerBudget;
            qint64 readBudget = kSiteReadBudgetBytes;
            bool truncated = false;
            for (const QFileInfo &file : files) {
                if (!fleet::checkNginxSiteName(file.fileName()))
                    continue; // not a name the API could address
                if (sites.size() >= kMaxListedSites) {
                    truncated = true;
                    break;
                }
                Result<QByteArray> content = Error{ErrorCode::PayloadTooLarge, QString()};
                if (file.size() <= readBudget) {
                    content = readNginxFile(file.filePath(), fleet::kMaxNginxConfigBytes);
                    readBudget -= file.size();
                }
                const QJsonObject site =
                    siteJson(s, file.fileName(), content ? &content.value() : nullptr);
                budget -= QJsonDocument(site).toJson(QJsonDocument::Compact).size() + 1;
                if (budget < 0) {
                    truncated = true;
                    break;
                }
                sites.append(site);
            }
            reply(QJsonObject{{QStringLiteral("sites"), sites},
                              {QStringLiteral("truncated"), truncated}});
        });
    dispatcher.addHandler(
        nginx, QStringLiteral("site_get"), [state](const QJsonObject &args, const Reply &reply) {
            auto name = siteNameArg(args);
            if (!name)
                return reply(name.error());
            auto content =
                readNginxFile(sitePath(state->settings, name.value()), fleet::kMaxNginxConfigBytes);
            if (!content)
                return reply(content.error().code == ErrorCode::ResourceNotFound
                                 ? siteMissing(name.value())
                                 : content.error());
            QJsonObject site = siteJson(state->settings, name.value(), &content.value());
            site.insert(QStringLiteral("content"), QString::fromUtf8(content.value()));
            site.insert(QStringLiteral("sha256"), sha256Of(content.value()));
            reply(bounded(site));
        });
}

// A site's file and its sites-enabled entry as they are now, so that a
// refused change puts both back.
Result<QList<NginxFileBackup>> backUpSite(const NginxSettings &s, const QString &name)
{
    QList<NginxFileBackup> backups;
    for (const QString &touched : {sitePath(s, name), enabledPath(s, name)}) {
        auto backup = backUpNginxFile(touched, fleet::kMaxNginxConfigBytes);
        if (!backup)
            return backup.error();
        backups.append(backup.value());
    }
    return backups;
}

// Enables a site: a symlink in sites-enabled to its file in sites-available.
Status linkSite(const NginxSettings &s, const QString &name)
{
    const QString target = QFileInfo(sitePath(s, name)).absoluteFilePath();
    if (::symlink(QFile::encodeName(target).constData(),
                  QFile::encodeName(enabledPath(s, name)).constData()) != 0)
        return Error{ErrorCode::IoError,
                     QStringLiteral("cannot link %1 into %2").arg(name, s.sitesEnabled)};
    return {};
}

void addSiteChangeHandlers(RemoteDispatcher &dispatcher, const State &state)
{
    const QString nginx = QStringLiteral("nginx");
    dispatcher.addHandler(
        nginx, QStringLiteral("site_create"), [state](const QJsonObject &args, const Reply &reply) {
            auto name = siteNameArg(args);
            if (!name)
                return reply(name.error());
            auto content = contentArg(args);
            if (!content)
                return reply(content.error());
            const bool enable = args.value(QStringLiteral("enable")).toBool(false);
            state->enqueue([state, reply, enable, name = name.value(),
                            bytes = content->toUtf8()](const Next &next) {
                const NginxSettings &s = state->settings;
                const QString path = sitePath(s, name);
                if (QFileInfo(path).exists() || QFileInfo(path).isSymLink()) {
                    reply(nginxError(ErrorCode::Conflict,
                                     QStringLiteral("the site \"%1\" exists already").arg(name),
                                     QStringLiteral("SITE_EXISTS")));
                    return next();
                }
                auto backedUp = backUpSite(s, name);
                if (!backedUp) {
                    reply(backedUp.error());
                    return next();
                }
                const QList<NginxFileBackup> backups = backedUp.value();
                if (enable && backups.last().kind != NginxFileBackup::Kind::Missing) {
                    reply(nginxError(ErrorCode::Conflict,
                                     QStringLiteral("sites-enabled already holds \"%1\"").arg(name),
                                     QStringLiteral("SITE_EXISTS")));
                    return next();
                }
                applyNginxChange(
                    state, backups,
                    [s, name, path, bytes, enable]() -> Status {
                        if (Status written = writeNginxFile(path, bytes); !written)
                            return written;
                        return enable ? linkSite(s, name) : Status{};
                    },
                    {{QStringLiteral("name"), name},
                     {QStringLiteral("enabled"), enable},
                     {QStringLiteral("size"), bytes.size()},
                     {QStringLiteral("sha256"), sha256Of(bytes)}},
                    reply, next);
            });
        });
    dispatcher.addHandler(
        nginx, QStringLiteral("site_update"), [state](const QJsonObject &args, const Reply &reply) {
            auto name = siteNameArg(args);
            if (!name)
                return reply(name.error());
            auto content = contentArg(args);
            if (!content)
                return reply(content.error());
            state->enqueue([state, args, reply, name = name.value(),
                            bytes = content->toUtf8()](const Next &next) {
                const QString path = sitePath(state->settings, name);
                auto backup = backUpNginxFile(path, fleet::kMaxNginxConfigBytes);
                if (backup && backup->kind == NginxFileBackup::Kind::Missing)
                    backup = siteMissing(name);
                if (!backup) {
                    reply(backup.error());
                    return next();
                }
                if (Status current = checkExpectedSha(args, backup.value()); !current) {
                    reply(current.error());
                    return next();
                }
                applyNginxChange(
                    state, {backup.value()}, [path, bytes] { return writeNginxFile(path, bytes); },
                    {{QStringLiteral("name"), name},
                     {QStringLiteral("enabled"), siteEnabled(state->settings, name)},
                     {QStringLiteral("size"), bytes.size()},
                     {QStringLiteral("sha256"), sha256Of(bytes)}},
                    reply, next);
            });
        });
    dispatcher.addHandler(
        nginx, QStringLiteral("site_delete"), [state](const QJsonObject &args, const Reply &reply) {
            auto name = siteNameArg(args);
            if (!name)
                return reply(name.error());
            state->enqueue([state, reply, name = name.value()](const Next &next) {
                const NginxSettings &s = state->settings;
                const QString path = sitePath(s, name);
                if (!QFileInfo(path).exists() && !QFileInfo(path).isSymLink()) {
                    reply(siteMissing(name));
                    return next();
                }
                auto backedUp = backUpSite(s, name);
                if (!backedUp) {
                    reply(backedUp.error());
                    return next();
                }
                const QList<NginxFileBackup> backups = backedUp.value();
                applyNginxChange(
                    state, backups,
                    [backups]() -> Status {
                        for (const NginxFileBackup &b : backups)
                            if (b.kind != NginxFileBackup::Kind::Missing && !QFile::remove(b.path))
                                return Error{ErrorCode::IoError,
                                             QStringLiteral("cannot remove %1").arg(b.path)};
                        return {};
                    },
                    {{QStringLiteral("name"), name}, {QStringLiteral("deleted"), true}}, reply,
                    next);
            });
        });
    dispatcher.addHandler(
        nginx, QStringLiteral("site_enable"), [state](const QJsonObject &args, const Reply &reply) {
            auto name = siteNameArg(args);
            if (!name)
                return reply(name.error());
            state->enqueue([state, reply, name = name.value()](const Next &next) {
                const NginxSettings &s = state->settings;
                if (!QFileInfo(sitePath(s, name)).isFile()) {
                    reply(siteMissing(name));
                    return next();
                }
                auto backup = backUpNginxFile(enabledPath(s, name), fleet::kMaxNginxConfigBytes);
                if (!backup) {
                    reply(backup.error());
                    return next();
                }
                if (backup->kind != NginxFileBackup::Kind::Missing) {
                    // Already there: enabled, nothing to test.
                    reply(QJsonObject{{QStringLiteral("name"), name},
                                      {QStringLiteral("enabled"), true},
                                      {QStringLiteral("changed"), false}});
                    return next();
                }
                applyNginxChange(
                    state, {backup.value()}, [s, name] { return linkSite(s, name); },
                    {{QStringLiteral("name"), name},
                     {QStringLiteral("enabled"), true},
                     {QStringLiteral("changed"), true}},
                    reply, next);
            });
        });
    dispatcher.addHandler(
        nginx, QStringLiteral("site_disable"),
        [state](const QJsonObject &args, const Reply &reply) {
            auto name = siteNameArg(args);
            if (!name)
                return reply(name.error());
            state->enqueue([state, reply, name = name.value()](const Next &next) {
                const NginxSettings &s = state->settings;
                const QString link = enabledPath(s, name);
                auto backup = backUpNginxFile(link, fleet::kMaxNginxConfigBytes);
                if (!backup) {
                    reply(backup.error());
                    return next();
                }
                if (backup->kind == NginxFileBackup::Kind::Missing) {
                    reply(QJsonObject{{QStringLiteral("name"), name},
                                      {QStringLiteral("enabled"), false},
                                      {QStringLiteral("changed"), false}});
                    return next();
                }
                if (backup->kind != NginxFileBackup::Kind::Link) {
                    // Removing it would lose the only copy of that config.
                    reply(nginxError(ErrorCode::Conflict,
                                     QStringLiteral("%1 is a file, not a link: move it to %2 first")
                                         .arg(link, s.sitesAvailable),
                                     QStringLiteral("NOT_A_LINK")));
                    return next();
                }
                applyNginxChange(
                    state, {backup.value()},
                    [link]() -> Status {
                        if (!QFile::remove(link))
                            return Error{ErrorCode::IoError,
                                         QStringLiteral("cannot remove %1").arg(link)};
                        return {};
                    },
                    {{QStringLiteral("name"), name},
                     {QStringLiteral("enabled"), false},
                     {QStringLiteral("changed"), true}},
                    reply, next);
            });
        });
}

// ---- certificates ----------------------------------------------------

// The file name of a domain's generated certificate ("*" is no file name).
QString certificateBaseName(const QString &domain)
{
    QString base = domain;
    return base.replace(u'*', u'_');
}

// The certificate a site names for `domain`: enabled sites first; else the
// one ssl_generate made. Empty site when it is the generated one.
QPair<QString, QString> findCertificate(const NginxSettings &s, const QString &domain)
{
    const QFileInfoList files =
        QDir(s.sitesAvailable).entryInfoList(QDir::Files | QDir::Hidden, QDir::Name);
    qint64 readBudget = kSiteReadBudgetBytes;
    for (const bool wantEnabled : {true, false}) {
        for (const QFileInfo &file : files) {
            if (siteEnabled(s, file.fileName()) != wantEnabled || file.size() > readBudget)
                continue;
            readBudget -= file.size();
            auto content = readNginxFile(file.filePath(), fleet::kMaxNginxConfigBytes);
            if (!content)
                continue;
            for (const NginxServerBlock &block :
                 nginxServerBlocks(QString::fromUtf8(content.value()))) {
                bool names = false;
                for (const QString &n : block.serverNames)
                    names = names || n.compare(domain, Qt::CaseInsensitive) == 0;
                if (!names)
                    continue;
                for (const QString &certificate : block.sslCertificates) {
                    if (certificate.contains(u'$'))
                        continue; // chosen per request: nothing to read here
                    const QString path =
                        QDir::isAbsolutePath(certificate)
                            ? certificate
                            : QDir(QFileInfo(s.conf).absolutePath()).filePath(certificate);
                    return {path, file.fileName()};
                }
            }
        }
    }
    const QString generated =
        QDir(s.sslDir).filePath(certificateBaseName(domain) + QStringLiteral(".crt"));
    if (QFileInfo(generated).isFile())
        return {generated, QString()};
    return {};
}

void certificateInfo(const State &state, const QString &path, QJsonObject extra,
                     const Outcome &done)
{
    runTool(state->settings.openssl,
            {QStringLiteral("x509"), QStringLiteral("-noout"), QStringLiteral("-subject"),
             QStringLiteral("-issuer"), QStringLiteral("-dates"), QStringLiteral("-ext"),
             QStringLiteral("subjectAltName"), QStringLiteral("-fingerprint"),
             QStringLiteral("-sha256"), QStringLiteral("-in"), path},
            kOpensslTimeoutMs, state.get(), [path, extra, done](const ToolOutcome &read) {
                QJsonObject info =
                    read.succeeded() ? parseOpensslCertificateText(QString::fromUtf8(read.output),
                                                                   QDateTime::currentDateTimeUtc())
                                     : QJsonObject();
                if (info.isEmpty())
                    return done(nginxError(ErrorCode::IoError,
                                           QStringLiteral("cannot read the certificate %1: %2")
                                               .arg(path, read.text(kNginxMessageLimit)),
                                           QStringLiteral("CERTIFICATE_UNREADABLE")));
                for (auto it = extra.constBegin(); it != extra.constEnd(); ++it)
                    info.insert(it.key(), it.value());
                info.insert(QStringLiteral("certificate_path"), path);
                done(info);
            });
}

Result<int> daysArg(const QJsonObject &args)
{
    const QJsonValue value = args.value(QStringLiteral("days"));
    if (value.isUndefined() || value.isNull())
        return 365;
    const double days = value.toDouble(-1);
    if (!value.isDouble() || days != std::floor(days) || days < 1 || days > kMaxCertificateDays)
        return nginxArgError(
            QStringLiteral("days"),
            QStringLiteral("days: a whole number from 1 to %1").arg(kMaxCertificateDays));
    return int(days);
}

void addCertificateHandlers(RemoteDispatcher &dispatcher, const State &state)
{
    const QString nginx = QStringLiteral("nginx");
    dispatcher.addHandler(
        nginx, QStringLiteral("ssl_info"), [state](const QJsonObject &args, const Reply &reply) {
            auto domain = domainArg(args);
            if (!domain)
                return reply(domain.error());
            const auto [path, site] = findCertificate(state->settings, domain.value());
            if (path.isEmpty())
                return reply(nginxError(
                    ErrorCode::ResourceNotFound,
                    QStringLiteral("no site names a certificate for %1").arg(domain.value()),
                    QStringLiteral("NO_CERTIFICATE")));
            certificateInfo(state, path,
                            {{QStringLiteral("domain"), domain.value()},
                             {QStringLiteral("site"), site.isEmpty() ? QJsonValue() : site}},
                            reply);
        });
    dispatcher.addHandler(
        nginx, QStringLiteral("ssl_generate"),
        [state](const QJsonObject &args, const Reply &reply) {
            auto domain = domainArg(args);
            if (!domain)
                return reply(domain.error());
            auto days = daysArg(args);
            if (!days)
                return reply(days.error());
            const bool overwrite = args.value(QStringLiteral("overwrite")).toBool(false);
            state->enqueue([state, reply, overwrite, domain = domain.value(),
                            days = days.value()](const Next &next) {
                const QDir dir(state->settings.sslDir);
                const QString base = certificateBaseName(domain);
                const QString certPath = dir.filePath(base + QStringLiteral(".crt"));
                const QString keyPath = dir.filePath(base + QStringLiteral(".key"));
                if (!overwrite && (QFileInfo::exists(certPath) || QFileInfo::exists(keyPath))) {
                    reply(nginxError(ErrorCode::Conflict,
                                     QStringLiteral("%1 has a certificate already (overwrite: true "
                                                    "replaces it)")
                                         .arg(domain),
                                     QStringLiteral("CERTIFICATE_EXISTS")));
                    return next();
                }
                if (!QDir().mkpath(dir.path())) {
                    reply(Error{ErrorCode::IoError,
                                QStringLiteral("cannot create %1").arg(dir.path())});
                    return next();
                }
                // Made in a private (0700) directory beside the final files,
                // then renamed: the key is never readable by others, not even
                // for a moment, and nginx never sees half a pair.
                auto work = std::make_shared<QTemporaryDir>(
                    dir.filePath(QStringLiteral(".hivemind-ssl-XXXXXX")));
                if (!work->isValid()) {
                    reply(Error{ErrorCode::IoError,
                                QStringLiteral("cannot write into %1").arg(dir.path())});
                    return next();
                }
                const QString newKey = work->filePath(QStringLiteral("key.pem"));
                const QString newCert = work->filePath(QStringLiteral("cert.pem"));
                runTool(state->settings.openssl,
                        {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                         QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                         QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
                         QStringLiteral("-days"), QString::number(days), QStringLiteral("-subj"),
                         QStringLiteral("/CN=") + domain, QStringLiteral("-addext"),
                         QStringLiteral("subjectAltName=DNS:") + domain, QStringLiteral("-keyout"),
                         newKey, QStringLiteral("-out"), newCert},
                        kOpensslTimeoutMs, state.get(),
                        [state, reply, next, work, newKey, newCert, keyPath, certPath,
                         domain](const ToolOutcome &made) {
                            if (!made.succeeded() || !QFileInfo(newCert).isFile()) {
                                reply(nginxError(ErrorCode::IoError,
                                                 QStringLiteral("openssl could not make the "
                                                                "certificate: %1")
                                                     .arg(made.text(kNginxMessageLimit)),
                                                 QStringLiteral("CERTIFICATE_FAILED")));
                                return next();
                            }
                            QFile::setPermissions(newKey,
                                                  QFileDevice::ReadOwner | QFileDevice::WriteOwner);
                            if (std::rename(QFile::encodeName(newKey).constData(),
                                            QFile::encodeName(keyPath).constData()) != 0 ||
                                std::rename(QFile::encodeName(newCert).constData(),
                                            QFile::encodeName(certPath).constData()) != 0) {
                                reply(
                                    Error{ErrorCode::IoError,
                                          QStringLiteral("cannot move the new certificate into %1")
                                              .arg(state->settings.sslDir)});
                                return next();
                            }
                            certificateInfo(state, certPath,
                                            {{QStringLiteral("domain"), domain},
                                             {QStringLiteral("key_path"), keyPath},
                                             {QStringLiteral("generated"), true}},
                                            answerThenNext(reply, next));
                        });
            });
        });
}

} // namespace

void addNginxHandlers(RemoteDispatcher &dispatcher, const NginxSettings &settings)
{
    // Lives as long as the handlers that hold it (the dispatcher's);
    // processes and timers are its children and go with it.
    const State state(new NginxState(settings), [](NginxState *s) { s->deleteLater(); });
    addServiceHandlers(dispatcher, state);
    addConfigHandlers(dispatcher, state);
    addSiteReadHandlers(dispatcher, state);
    addSiteChangeHandlers(dispatcher, state);
    addCertificateHandlers(dispatcher, state);
}

} // namespace hm::agent
