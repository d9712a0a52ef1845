#include "shell/FontCacheReset.h"

#include "common/Logging.h"

#include <QFile>
#include <QFontDatabase>

namespace hm::app {

bool dropCachedFontEngines()
{
    static const QByteArray font = [] {
        QFile file(QStringLiteral(":/fonts/hivemind-font-cache-reset.ttf"));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }();
    if (font.isEmpty()) {
        qCWarning(lcApp) << "the font cache reset font is missing from the resources";
        return false;
    }
    const int id = QFontDatabase::addApplicationFontFromData(font);
    if (id < 0) {
        qCWarning(lcApp) << "the platform refused the font cache reset font;"
                         << "text already drawn keeps its CJK glyph forms until a restart";
        return false;
    }
    QFontDatabase::removeApplicationFont(id);
    return true;
}

} // namespace hm::app
