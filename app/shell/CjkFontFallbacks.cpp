#include "shell/CjkFontFallbacks.h"

#include "shell/FontCacheReset.h"

#include <QFont>
#include <QFontDatabase>
#include <QGuiApplication>

namespace hm::app::CjkFontFallbacks {

namespace {

enum class Variant
{
    Traditional,
    Simplified,
    Japanese,
    Korean
};

// Linux (Noto), then Windows, then macOS names; missing ones are skipped.
QStringList cffSans(Variant variant)
{
    switch (variant) {
    case Variant::Traditional:
        return {QStringLiteral("Noto Sans CJK TC"), QStringLiteral("Noto Sans TC"),
                QStringLiteral("Microsoft JhengHei UI"), QStringLiteral("PingFang TC")};
    case Variant::Simplified:
        return {QStringLiteral("Noto Sans CJK SC"), QStringLiteral("Noto Sans SC"),
                QStringLiteral("Microsoft YaHei UI"), QStringLiteral("PingFang SC")};
    case Variant::Japanese:
        return {QStringLiteral("Noto Sans CJK JP"), QStringLiteral("Noto Sans JP"),
                QStringLiteral("Yu Gothic UI"), QStringLiteral("Hiragino Sans")};
    case Variant::Korean:
        return {QStringLiteral("Noto Sans CJK KR"), QStringLiteral("Noto Sans KR"),
                QStringLiteral("Malgun Gothic"), QStringLiteral("Apple SD Gothic Neo")};
    }
    return {};
}

QString cffMono(Variant variant)
{
    switch (variant) {
    case Variant::Traditional:
        return QStringLiteral("Noto Sans Mono CJK TC");
    case Variant::Simplified:
        return QStringLiteral("Noto Sans Mono CJK SC");
    case Variant::Japanese:
        return QStringLiteral("Noto Sans Mono CJK JP");
    case Variant::Korean:
        return QStringLiteral("Noto Sans Mono CJK KR");
    }
    return {};
}

bool cffTraditional(const QLocale &locale)
{
    if (locale.script() == QLocale::TraditionalChineseScript)
        return true;
    if (locale.script() == QLocale::SimplifiedChineseScript)
        return false;
    switch (locale.territory()) {
    case QLocale::Taiwan:
    case QLocale::HongKong:
    case QLocale::Macao:
        return true;
    default:
        return false;
    }
}

// The variants to try, best first.
QList<Variant> cffVariants(const QString &language, const QLocale &system)
{
    if (language == QLatin1String("zh_TW"))
        return {Variant::Traditional};
    if (language == QLatin1String("zh_CN"))
        return {Variant::Simplified};
    switch (system.language()) {
    case QLocale::Chinese:
        return {cffTraditional(system) ? Variant::Traditional : Variant::Simplified};
    case QLocale::Japanese:
        return {Variant::Japanese};
    case QLocale::Korean:
        return {Variant::Korean};
    default:
        return {Variant::Simplified, Variant::Traditional};
    }
}

} // namespace

QStringList uiFamilies(const QString &language, const QLocale &system)
{
    QStringList families;
    for (Variant variant : cffVariants(language, system))
        families += cffSans(variant);
    return families;
}

QStringList fixedFamilies(const QString &language, const QLocale &system)
{
    const QList<Variant> variants = cffVariants(language, system);
    QStringList families;
    for (Variant variant : variants)
        families << cffMono(variant);
    for (Variant variant : variants)
        families += cffSans(variant);
    return families;
}

QStringList fixedFontNames()
{
    QStringList names;
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    for (const QString &family : fixed.families() + QStringList{fixed.family()}) {
        if (!family.isEmpty() && !names.contains(family))
            names << family;
    }
    for (const QString &generic : {QStringLiteral("monospace"), QStringLiteral("Monospace")}) {
        if (!names.contains(generic))
            names << generic;
    }
    return names;
}

void apply(const QStringList &baseUiFamilies, const QStringList &ui, const QStringList &fixed)
{
    QFont font = QGuiApplication::font();
    const QStringList families = baseUiFamilies + ui;
    bool changed = font.families() != families;
    for (const QString &name : fixedFontNames()) {
        if (QFont::substitutes(name) == fixed)
            continue;
        changed = true;
        QFont::removeSubstitutions(name);
        QFont::insertSubstitutions(name, fixed);
    }
    // Before the new font reaches the widgets: engines cached under the
    // same first family would keep the old fallbacks (FontCacheReset.h).
    if (changed)
        dropCachedFontEngines();
    font.setFamilies(families);
    QGuiApplication::setFont(font);
}

} // namespace hm::app::CjkFontFallbacks
