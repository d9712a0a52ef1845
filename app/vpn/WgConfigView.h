#pragma once

#include "widgets/MessageLine.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace hm::app {

// A client's wg-quick file as the user takes it to the device: the QR code
// a phone scans, the text, a warning that it holds the client's private
// key, "Save config…" (a file only the user can read) and "Copy" (through
// ClipboardGuard: off the clipboard again after 30 s). Nothing is put on
// the clipboard or written anywhere unless the user asks. Named `vpn.config.*`.
class WgConfigView final : public QWidget
{
    Q_OBJECT

public:
    explicit WgConfigView(QWidget *parent = nullptr);

    // `name` names the suggested file ("phone.conf").
    void setConfig(const QString &name, const QString &config);
    QString config() const { return m_config; }

public slots:
    void saveConfig();
    void copyConfig();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    QString m_name;
    QString m_config;
    QLabel *m_warning = nullptr;
    QLabel *m_qr = nullptr;
    QLabel *m_qrNote = nullptr;
    QPlainTextEdit *m_text = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_copy = nullptr;
    QLabel *m_status = nullptr;
    MessageLine *m_statusLine = nullptr; // says it again in a new language
};

} // namespace hm::app
