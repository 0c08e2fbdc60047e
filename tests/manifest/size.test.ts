import { reachableScripts, scriptSources } from '../../scripts/size';

describe('npm run size: which scripts belong to the task pane', () => {
  it('takes the page\'s own scripts in order and leaves CDN scripts out', () => {
    const html = '<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>'
      + '<script defer src=taskpane.1a2b3c4d.js></script><script src="./vendors.99aa88bb.js?v=1"></script><script>inline()</script>';
    expect(scriptSources(html)).toEqual(['taskpane.1a2b3c4d.js', 'vendors.99aa88bb.js']);
  });

  it('follows lazily loaded chunks through their content hash, transitively, and nothing else', () => {
    const files: Record<string, string> = {
      'taskpane.1a2b3c4d.js': 'u=e=>e+"."+{561:"86d21e73"}[e]+".js"',
      '561.86d21e73.js': 'load("77.0badf00d.js")',
      '77.0badf00d.js': 'x',
      '900.deadbeef.js': 'belongs to another page',
    };
    const reached = reachableScripts(['taskpane.1a2b3c4d.js'], Object.keys(files), (f) => files[f]);
    expect(reached.sort()).toEqual(['561.86d21e73.js', '77.0badf00d.js', 'taskpane.1a2b3c4d.js']);
  });
});
