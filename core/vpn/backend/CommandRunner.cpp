#include "vpn/backend/CommandRunner.h"

#include <QDeadlineTimer>
#include <QProcess>

namespace hm::vpn {

QString CommandResult::firstErrorLine() const
{
    if (!started)
        return QStringLiteral("the program could not be started");
    if (timedOut)
        return QStringLiteral("the program did not finish in time");
    // The first line that says something: wireguard-go starts its stderr
    // with a framed banner (box-drawing characters) whatever went wrong,
    // and writes the reason itself ("ERROR: (wg0) … Failed to create TUN
    // device: permission denied") on stdout. So stderr first, then stdout.
    const auto firstSaying = [](const QByteArray &source) {
        for (const QByteArray &raw : source.split('\n')) {
            const QString candidate = QString::fromUtf8(raw).trimmed();
            const bool decoration =
                candidate.isEmpty() || (candidate.front().unicode() >= 0x2500 &&
                                        candidate.front().unicode() <= 0x257F);
            if (!decoration)
                return candidate;
        }
        return QString();
    };
    QString line = firstSaying(err);
    if (line.isEmpty())
        line = firstSaying(out);
    if (line.size() > 300)
        line = line.left(300) + QStringLiteral("…");
    return line.isEmpty() ? QStringLiteral("exit code %1").arg(exitCode) : line;
}

CommandResult runCommand(const QString &program, const QStringList &arguments,
                         const QByteArray &input, int timeoutMs, qsizetype outputLimit)
{
    CommandResult result;
    QProcess process;
    process.setProgram(program);
    process.setArguments(arguments);
    // The tools' messages in English whatever the host's locale: some are
    // read ("Address already in use" is the port another program holds).
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
    process.setProcessEnvironment(environment);
    process.start(QIODevice::ReadWrite);
    if (!process.waitForStarted(timeoutMs))
        return result;
    result.started = true;
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();

    const QDeadlineTimer deadline(timeoutMs);
    const auto drain = [&] {
        for (auto [channel, out] : {std::pair{QProcess::StandardOutput, &result.out},
                                    std::pair{QProcess::StandardError, &result.err}}) {
            process.setReadChannel(channel);
            const QByteArray chunk = process.readAll();
            const qsizetype room = outputLimit - out->size();
            if (chunk.size() > room)
                result.truncated = true;
            out->append(chunk.left(std::max<qsizetype>(room, 0)));
        }
        // Waiting for output waits on the read channel: stdout, which
        // carries the answers.
        process.setReadChannel(QProcess::StandardOutput);
    };
    while (process.state() != QProcess::NotRunning) {
        if (deadline.hasExpired()) {
            process.kill();
            process.waitForFinished(1000);
            result.timedOut = true;
            drain();
            return result;
        }
        process.waitForReadyRead(int(std::min<qint64>(deadline.remainingTime(), 100)));
        drain();
    }
    drain();
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return result;
}

} // namespace hm::vpn
