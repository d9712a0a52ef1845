#include "fleet/FileDataPath.h"

#include <QFile>

namespace hm::fleet {

FileDataPathChoice chooseFileDataPath(const QString &spectreV2, const QString &override)
{
    FileDataPathChoice choice;
    const QString asked = override.trimmed().toLower();
    if (asked == u"zero-copy") {
        choice.path = FileDataPath::ZeroCopy;
        choice.reason = QStringLiteral("%1=zero-copy").arg(QLatin1String(kFileDataPathVariable));
        return choice;
    }
    if (asked == u"copies") {
        choice.path = FileDataPath::Copies;
        choice.reason = QStringLiteral("%1=copies").arg(QLatin1String(kFileDataPathVariable));
        return choice;
    }
    if (!asked.isEmpty() && asked != u"auto")
        choice.warning = QStringLiteral("%1 is \"%2\", not zero-copy, copies or auto: ignored")
                             .arg(QLatin1String(kFileDataPathVariable), override.trimmed());
    // "Mitigation: Retpolines", "... IBRS + Retpolines", and older kernels'
    // "Mitigation: Full generic retpoline" / "Full AMD retpoline".
    if (spectreV2.contains(QLatin1String("retpoline"), Qt::CaseInsensitive)) {
        choice.path = FileDataPath::Copies;
        choice.reason = QStringLiteral("the kernel mitigates Spectre v2 with retpolines");
    } else {
        choice.path = FileDataPath::ZeroCopy;
        choice.reason = spectreV2.trimmed().isEmpty()
                            ? QStringLiteral("the kernel's Spectre v2 mitigation is unknown")
                            : QStringLiteral("the kernel does not use retpolines");
    }
    return choice;
}

const FileDataPathChoice &fileDataPathChoice()
{
    static const FileDataPathChoice choice = [] {
        QFile file(QString::fromLatin1(kSpectreV2File));
        const QString text =
            file.open(QIODevice::ReadOnly) ? QString::fromLatin1(file.read(4096)) : QString();
        return chooseFileDataPath(text, qEnvironmentVariable(kFileDataPathVariable));
    }();
    return choice;
}

QString fileDataPathName(FileDataPath path)
{
    return path == FileDataPath::ZeroCopy ? QStringLiteral("zero copy") : QStringLiteral("copies");
}

} // namespace hm::fleet
