#pragma once

#include "core/Result.h"
#include "core/storage/Database.h"

#include <QObject>
#include <QPointer>
#include <QThread>

#include <functional>
#include <memory>
#include <type_traits>

namespace crm {

// A thread with its own database connection that runs jobs for the GUI, so the window never waits
// on SQL. A job is a function of the connection returning a Result; its answer is delivered on the
// GUI thread to `done`, unless the `context` object has been destroyed in the meantime.
// Jobs run one after another in the order posted.
class DbWorker : public QObject
{
    Q_OBJECT
public:
    explicit DbWorker(const QString &name, QObject *parent = nullptr);
    // Closes the connection on its thread and joins the thread: pending jobs still run first.
    ~DbWorker() override;

    // Opens a store (running migrations) on the worker thread.
    void open(const DatabaseOptions &options, QObject *context, std::function<void(Status)> done);
    // Opens another connection to the store `prototype` is connected to. `prototype` only has its
    // options and connection name read (QSqlDatabase::cloneDatabase by name is thread-safe), and must
    // outlive the call.
    void openAnother(const Database *prototype, QObject *context, std::function<void(Status)> done);

    // Runs job(db) on the worker thread and done(result) on the GUI thread.
    template <typename Job, typename Done>
    void run(QObject *context, Job job, Done done)
    {
        using R = std::invoke_result_t<Job, Database &>;
        QPointer<QObject> guard(context);
        post([this, guard, job = std::move(job), done = std::move(done)]() mutable {
            auto result = std::make_shared<R>(m_db ? job(*m_db) : R(notOpen()));
            QMetaObject::invokeMethod(
                this, [guard, done, result]() mutable {
                    if (guard)
                        done(std::move(*result));
                },
                Qt::QueuedConnection);
        });
    }
    // Runs job(db) on the worker thread, without an answer.
    void post(std::function<void()> fn);

    // Only on the worker thread (inside a job): the connection, or null before a successful open.
    Database *database() const { return m_db.get(); }
    QThread *thread() { return &m_thread; }

private:
    static Error notOpen();

    QThread m_thread;
    QObject *m_agent = nullptr; // lives on m_thread; receives the posted jobs
    std::unique_ptr<Database> m_db; // created, used and destroyed on m_thread
};

} // namespace crm
