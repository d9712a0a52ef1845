#pragma once

// Dates and times as the console shows them: in the current UI language's
// QLocale (QLocale's default, which LanguageManager sets on every language
// switch), converted to local time. One place for every panel, so that
// en, zh_TW and zh_CN read alike everywhere and change with the language.

#include <QDateTime>
#include <QLocale>
#include <QString>

class QAbstractItemModel;

namespace hm::app {

enum class TimeDetail
{
    Minutes,
    Seconds
};

// The locale's short (or long) date and time. Qt 6.4 passes CLDR's day
// period "B" of zh_TW's time formats through as a letter; it is read as a
// 24-hour clock here. With Seconds the short time shows seconds too (log
// lines, audit entries). An invalid time gives `invalid`.
QString dateTimeText(const QDateTime &time, QLocale::FormatType format = QLocale::ShortFormat,
                     TimeDetail detail = TimeDetail::Minutes, const QString &invalid = {});
// The same with seconds, the usual short form.
inline QString dateTimeTextWithSeconds(const QDateTime &time, const QString &invalid = {})
{
    return dateTimeText(time, QLocale::ShortFormat, TimeDetail::Seconds, invalid);
}
// The local date alone, in the locale's short (or long) form.
QString dateText(const QDateTime &time, QLocale::FormatType format = QLocale::ShortFormat,
                 const QString &invalid = {});
// The format dateTimeText() uses, for QDateTimeEdit::setDisplayFormat.
QString dateTimeFormat(QLocale::FormatType format = QLocale::ShortFormat,
                       TimeDetail detail = TimeDetail::Minutes);

// After a language switch: the views of `model` read every top-level cell
// and header again (dates and words are made in data(), in the language of
// the moment), without a reload from the server.
void refreshTexts(QAbstractItemModel *model);

} // namespace hm::app
