import { operands, programName, type ShellCommand } from '../../analysis/shell/index.js';
import { managerCache, packageCacheRule, type ManagerCacheSpec } from '../../lint/helpers/package-cache.js';

type Messages = 'left' | 'cleanedLater' | 'removeGems';

/** A path segment that ends in a gems or bundle folder's name, GEM_HOME, or `$(gem env gemdir)`. */
const GEM_ROOT_END = /(?:^|\W)(?:gems?|bundle)$|GEM_HOME\}?$|gem env gemdir\)$/;

/**
 * `~/.gem`, or a `cache` folder (or the `.gem` files in it) under a gems or bundle folder, GEM_HOME, or `$(gem env gemdir)`.
 * Read segment by segment: one regular expression over the whole argument backtracked quadratically in its length.
 */
function isGemCache(path: string): boolean {
  const segments = path.replace(/\/$/, '').split('/');
  if (segments.at(-1) === '.gem') return true;
  if (segments.at(-1) === '*' || segments.at(-1) === '*.gem') segments.pop();
  if (segments.pop() !== 'cache') return false;
  // The folders between the root and `cache` have names: `gems//cache` is no cache under `gems`.
  for (let index = segments.length - 1; index >= 0 && segments[index] !== ''; index--) {
    if (GEM_ROOT_END.test(segments[index])) return true;
  }
  return false;
}

/** `rm -rf <gem cache>`, or `find <gems> -name cache ... -exec rm -rf {} +` (or `-delete`). */
function removesGemCache(command: ShellCommand): boolean {
  const name = programName(command.name);
  if (name === 'rm') return operands(command).some((word) => isGemCache(word.value.replace(/^~/, '${HOME}')));
  if (name !== 'find') return false;
  const values = command.args.map((word) => word.value);
  const removes = values.includes('-delete') || values.some((value, index) => value === '-exec' && values[index + 1] === 'rm');
  return removes && values.some((value, index) => value === '-name' && /^(cache|\*\.gem)$/.test(values[index + 1] ?? ''));
}

/** Where RubyGems keeps the .gem files, for gem and bundler alike. */
const GEMS = {
  folders: ['/usr/local/bundle/cache', '${GEM_HOME}/cache', '/root/.gem', '${HOME}/.gem'],
  cleans: removesGemCache,
  left: 'left',
  cleanedLater: 'cleanedLater',
  fix: { messageId: 'removeGems', command: () => 'rm -rf "$(gem env gemdir)"/cache/*.gem', safe: false },
} as const satisfies Omit<ManagerCacheSpec<Messages>, 'programs' | 'fills'>;

export default packageCacheRule(
  {
    id: 'gem-cache-not-cleaned',
    aliases: [],
    category: 'layers',
    severity: 'info',
    fixable: true,
    messages: {
      en: {
        left: '`{command}` keeps every downloaded .gem file in the gem cache, and they stay in this layer: remove them in the same RUN.',
        cleanedLater: '`{command}` keeps the downloaded .gem files in this layer: the RUN on line {line} removes them, but this layer already holds them. Remove them in this RUN.',
        removeGems: 'Remove the cached .gem files at the end of this RUN',
      },
      'zh-cn': {
        left: '`{command}` 会把下载的每个 .gem 文件都留在 gem 缓存中并保存在这一层：请在同一个 RUN 中删除它们。',
        cleanedLater: '`{command}` 下载的 .gem 文件会留在这一层：第 {line} 行的 RUN 虽然删除了它们，但这一层里已经有了。请在本 RUN 中删除。',
        removeGems: '在本 RUN 末尾删除缓存的 .gem 文件',
      },
    },
    docs: {
      en: {
        summary: 'Reports `gem install`, `gem update` and `bundle install` in a RUN that leaves the downloaded .gem files in its layer.',
        why: 'A RUN becomes a layer holding every file it wrote, and RubyGems keeps each .gem it installs in the cache folder of the gem directory (`$(gem env gemdir)/cache`, /usr/local/bundle/cache in the official Ruby images), next to the unpacked gem. Only `gem pristine` reads them again, and removing them in a later RUN does not shrink the image. Remove them in the same RUN, or mount a cache (or tmpfs) on the cache folder. Stages whose layers never reach an image are not reported.',
        fix: 'Appends `rm -rf "$(gem env gemdir)"/cache/*.gem` to the end of the RUN, following how its lines continue. Not applied on save: with a custom BUNDLE_PATH the gems live elsewhere, and `gem pristine` needs the cached files.',
      },
      'zh-cn': {
        summary: '报告 RUN 中执行 `gem install`、`gem update` 或 `bundle install` 后，下载的 .gem 文件仍留在该层的情况。',
        why: '每个 RUN 都会生成一层，保存它写入的所有文件，而 RubyGems 会把安装过的每个 .gem 文件留在 gem 目录的 cache 文件夹中（`$(gem env gemdir)/cache`，官方 Ruby 镜像里是 /usr/local/bundle/cache），和解压后的 gem 并存。只有 `gem pristine` 会再用到它们，在后面的 RUN 中删除也不能减小镜像。应在同一个 RUN 中删除，或在缓存目录挂载 cache（或 tmpfs）。镜像层不会进入最终镜像的阶段不报告。',
        fix: '在 RUN 末尾追加 `rm -rf "$(gem env gemdir)"/cache/*.gem`，并沿用原有的续行写法。保存时不会自动应用：如果自定义了 BUNDLE_PATH，gem 会装在别处；另外 `gem pristine` 需要这些缓存文件。',
      },
    },
    examples: {
      bad: 'FROM ruby:3.3-slim\nRUN gem install rails\n',
      good: 'FROM ruby:3.3-slim\nRUN gem install rails && rm -rf "$(gem env gemdir)"/cache/*.gem\n',
    },
  },
  [managerCache({ ...GEMS, programs: ['gem'], fills: ['install', 'update'] }), managerCache({ ...GEMS, programs: ['bundle', 'bundler'], fills: ['install'] })],
);
