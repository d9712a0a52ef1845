#pragma once

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace hm::app {

// A CA certificate (PEM) the server trusts for one TLS connection (the
// SMTP server of account e-mail): pasted, or loaded from a file (through
// DialogSeam), cleared with one button. Under it, what was loaded: the
// subject and expiry of each certificate, or why the text is not one. The
// server checks it again when it is saved. Widgets are named `<prefix>`
// (the text), `<prefix>Load`, `<prefix>Clear` and `<prefix>Info`.
class CaCertificateField final : public QWidget
{
    Q_OBJECT

public:
    explicit CaCertificateField(const QString &objectPrefix, QWidget *parent = nullptr);

    // The PEM text (trimmed; empty: none, the system's CAs).
    QString pem() const;
    void setPem(const QString &pem);
    // Empty when the text is empty or holds certificates; else why not.
    QString problem() const { return m_problem; }
    // What the info line shows (for tests).
    QString info() const;
    // Reads a PEM file (at most 64 KiB) into the field; false (and the
    // reason in the info line) when it cannot be read.
    bool loadFile(const QString &path);

signals:
    void edited();

protected:
    void changeEvent(QEvent *event) override;

private:
    void chooseFile();
    void describe();
    void retranslate();

    QString m_problem;
    QString m_fileProblem;
    QPlainTextEdit *m_text;
    QPushButton *m_load;
    QPushButton *m_clear;
    QLabel *m_info;
};

} // namespace hm::app
