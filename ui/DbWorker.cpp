#include "ui/DbWorker.h"

namespace crm {

DbWorker::DbWorker(const QString &name, QObject *parent) : QObject(parent)
{
    m_thread.setObjectName(name);
    m_agent = new QObject;
    m_agent->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_agent, &QObject::deleteLater);
    m_thread.start();
}

DbWorker::~DbWorker()
{
    // The connection must be closed on the thread that opened it.
    post([this] { m_db.reset(); });
    m_thread.quit();
    m_thread.wait();
}

Error DbWorker::notOpen()
{
    return Error{QStringLiteral("storage.unavailable"), QStringLiteral("The database is not open"), {}};
}

void DbWorker::post(std::function<void()> fn)
{
    QMetaObject::invokeMethod(m_agent, std::move(fn), Qt::QueuedConnection);
}

void DbWorker::open(const DatabaseOptions &options, QObject *context, std::function<void(Status)> done)
{
    QPointer<QObject> guard(context);
    post([this, options, guard, done]() {
        auto opened = Database::open(options);
        Status status;
        if (opened)
            m_db = std::move(opened).value();
        else
            status = opened.error();
        QMetaObject::invokeMethod(
            this, [guard, done, status] {
                if (guard)
                    done(status);
            },
            Qt::QueuedConnection);
    });
}

void DbWorker::openAnother(const Database *prototype, QObject *context, std::function<void(Status)> done)
{
    QPointer<QObject> guard(context);
    post([this, prototype, guard, done]() {
        auto opened = prototype->openAnother();
        Status status;
        if (opened)
            m_db = std::move(opened).value();
        else
            status = opened.error();
        QMetaObject::invokeMethod(
            this, [guard, done, status] {
                if (guard)
                    done(status);
            },
            Qt::QueuedConnection);
    });
}

} // namespace crm
