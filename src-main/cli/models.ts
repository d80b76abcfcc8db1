import { addModel, modelsFileOf, readModels, removeModel } from '../external-model/model-registry';

const USAGE = `Usage: npm run models -- add NAME [--cwd DIR] -- COMMAND [ARGS...]
       npm run models -- list [--json]
       npm run models -- remove NAME
The models file is models.json in the user-data folder ($EDGELINE_USER_DATA when set).`;

function fail(message: string): never {
  process.stderr.write(`models: ${message}\n${USAGE}\n`);
  process.exit(2);
}

/**
 * `npm run models`: registers the external models the app, the HTTP API and `simulate --model
 * external:NAME` may run. Parsed by hand because everything after `--` is the model's command line.
 */
function main(argv: readonly string[]): void {
  const file = modelsFileOf();
  const [verb, ...rest] = argv;
  switch (verb) {
    case 'add': {
      const separator = rest.indexOf('--');
      if (separator < 0) fail('add needs the command after "--"');
      const options = rest.slice(0, separator);
      const [command, ...args] = rest.slice(separator + 1);
      if (command === undefined) fail('add needs a command after "--"');
      const name = options[0];
      if (name === undefined || name.startsWith('--')) fail('add needs a NAME');
      let cwd = process.cwd();
      for (let i = 1; i < options.length; i += 1) {
        if (options[i] === '--cwd' && options[i + 1] !== undefined) cwd = options[++i]!;
        else fail(`unknown option "${options[i]}" for add`);
      }
      try {
        const model = addModel(file, { name, command, args, cwd });
        process.stdout.write(`Registered "${model.name}": ${[model.command, ...model.args].join(' ')} (in ${model.cwd}) in ${file}\n`);
      } catch (error) {
        fail((error as Error).message);
      }
      return;
    }
    case 'list': {
      if (rest.some((a) => a !== '--json')) fail(`unknown option for list: ${rest.join(' ')}`);
      const models = readModels(file);
      if (rest.includes('--json')) {
        process.stdout.write(`${JSON.stringify(models)}\n`);
      } else if (models.length === 0) {
        process.stdout.write(`No models registered in ${file}\n`);
      } else {
        for (const m of models) process.stdout.write(`${m.name}\t${[m.command, ...m.args].join(' ')}\t(in ${m.cwd})\n`);
      }
      return;
    }
    case 'remove': {
      const [name, ...extra] = rest;
      if (name === undefined || extra.length > 0) fail('remove needs exactly one NAME');
      try {
        removeModel(file, name);
      } catch (error) {
        fail((error as Error).message);
      }
      process.stdout.write(`Removed "${name}" from ${file}\n`);
      return;
    }
    default:
      fail(verb === undefined ? 'say add, list or remove' : `unknown command "${verb}"`);
  }
}

main(process.argv.slice(2));
