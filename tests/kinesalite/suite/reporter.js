// A mocha reporter for suite.mjs: one line per test on stderr as it ends (so a run of several
// minutes shows its progress), and every outcome as JSON in the file named by SUITE_RESULTS at the
// end. Mocha 6's own `json` reporter writes to stdout only, where a test's stray output would
// corrupt it.
'use strict'

var fs = require('fs')
var Base = require('mocha').reporters.Base

function SuiteReporter(runner) {
  Base.call(this, runner)
  var results = []
  // Two upstream tests share a full title (getShardIterator's "long StreamName"): a second test
  // object with a title already seen is named "<title> #2". The same test reporting twice (a late
  // failure after it passed) keeps its name.
  var names = new Map(), counts = new Map()
  var nameOf = function(test) {
    if (!names.has(test)) {
      var title = test.fullTitle(), n = (counts.get(title) || 0) + 1
      counts.set(title, n)
      names.set(test, n == 1 ? title : title + ' #' + n)
    }
    return names.get(test)
  }
  var record = function(test, state, err) {
    var entry = {title: nameOf(test), file: test.file ? require('path').basename(test.file) : null, state: state}
    if (test.duration != null) entry.ms = test.duration
    if (err) entry.error = String(err.message || err).split('\n').slice(0, 40).join('\n')
    results.push(entry)
    process.stderr.write((state == 'passed' ? 'ok   ' : state == 'failed' ? 'FAIL ' : 'skip ') + entry.title + '\n')
  }
  runner.on('pass', function(test) { record(test, 'passed') })
  runner.on('fail', function(test, err) { record(test, 'failed', err) })
  runner.on('pending', function(test) { record(test, 'pending') })
  // mocha's `total` is the number of tests it planned: fewer outcomes mean the run stopped
  // early (an uncaught error outside a test aborts mocha 6).
  runner.on('end', function() {
    fs.writeFileSync(process.env.SUITE_RESULTS, JSON.stringify({total: runner.total, results: results}, null, 1) + '\n')
  })
}

module.exports = SuiteReporter
